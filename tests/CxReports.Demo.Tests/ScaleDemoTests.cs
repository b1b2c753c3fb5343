using System.Text;
using System.Text.Json;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Demo;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;

namespace CxReports.Demo.Tests;

/// <summary>The SQL generator at 2,000 customers, once for all its tests, loaded through the sample model.</summary>
public sealed class ScaleDemoFixture : IDisposable
{
    public const int Customers = 2000;

    public ScaleDemoFixture()
    {
        Directory = DemoDatasetFixture.NewTempDirectory();
        Summary = ScaleDemoGenerator.Generate(new DemoOptions(Directory, Customers, DemoDatasetFixture.Seed));
        Warehouse = DuckDbWarehouse.Open(new WarehouseOptions(Directory));
        var model = ModelBinder.Compile(ReportFiles.Read([Path.Combine(TestPaths.RepositoryRoot(), "reports")], TestPaths.RepositoryRoot())).Model!;
        Outcomes = new WarehouseLoader(Warehouse, TimeProvider.System).LoadAll(model, force: true).ToList();
    }

    public string Directory { get; }
    public DemoSummary Summary { get; }
    public DuckDbWarehouse Warehouse { get; }
    public IReadOnlyList<LoadOutcome> Outcomes { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public (string[] Header, List<string[]> Rows) Read(string relative, char delimiter) => Rfc4180Reader.ReadFile(PathOf(relative), delimiter);

    public void Dispose()
    {
        Warehouse.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}

[Collection(DemoDatasetCollection.Name)]
public sealed class ScaleDemoTests(DemoDatasetFixture csharp, ScaleDemoFixture scale) : IClassFixture<ScaleDemoFixture>
{
    private static readonly (string File, char Delimiter)[] CsvFiles =
    [
        ("musteriler.csv", ';'), ("ayrilislar.csv", ';'), ("faturalar/2024.csv", ';'), ("faturalar/2025.csv", ';'),
        ("faturalar/2026.csv", ';'), ("anket.csv", ','), ("destek_talepleri.csv", ','), ("cx_giderleri.csv", ';'),
        ("siparisler.csv", ','),
    ];

    [Fact]
    public void Writes_the_files_of_the_csharp_generator_and_nothing_else()
    {
        Assert.Equal(Files(csharp.Directory), Files(scale.Directory).Where(f => f != "cxreports.duckdb" && !f.StartsWith("cxreports.duckdb", StringComparison.Ordinal)));
        Assert.Equal(csharp.Summary.RowsPerFile.Keys.Order(StringComparer.Ordinal), scale.Summary.RowsPerFile.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((csharp.Summary.From, csharp.Summary.To, csharp.Summary.ProgrammeStart), (scale.Summary.From, scale.Summary.To, scale.Summary.ProgrammeStart));
    }

    [Fact]
    public void Every_file_starts_with_the_same_bytes_and_uses_the_same_line_ends()
    {
        foreach ((string file, _) in CsvFiles)
        {
            byte[] mine = File.ReadAllBytes(scale.PathOf(file)), theirs = File.ReadAllBytes(csharp.PathOf(file));
            Assert.True(FirstLine(mine).SequenceEqual(FirstLine(theirs)), $"{file}: header differs");
            Assert.Equal(Contains(theirs, "\r\n"u8), Contains(mine, "\r\n"u8));
        }
        string Keys(string path) => string.Join(",", JsonDocument.Parse(File.ReadLines(path).First()).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Keys(csharp.PathOf("kullanim.ndjson")), Keys(scale.PathOf("kullanim.ndjson")));
    }

    [Fact]
    public void Csv_files_parse_with_full_rows_as_counted()
    {
        foreach ((string file, char delimiter) in CsvFiles)
        {
            (string[] header, List<string[]> rows) = scale.Read(file, delimiter);
            Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
            Assert.Equal(scale.Summary.RowsPerFile[file], rows.Count);
        }
        Assert.Equal(scale.Summary.RowsPerFile["kullanim.ndjson"], File.ReadLines(scale.PathOf("kullanim.ndjson")).Count());
    }

    [Fact]
    public void Customers_are_the_same_messy_excel_export()
    {
        byte[] bytes = File.ReadAllBytes(scale.PathOf("musteriler.csv"));
        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.Contains("\r\n\r\n", text);

        List<string[]> rows = scale.Read("musteriler.csv", ';').Rows;
        Assert.Equal(Enumerable.Range(1, ScaleDemoFixture.Customers).Select(i => $"M{i:D5}"), rows.Select(r => r[0]));
        Assert.Contains(rows, r => r[1].Contains(';'));
        Assert.Contains(rows, r => r[1].Contains('"'));
        Assert.All(rows, r =>
        {
            Assert.Contains(r[2], new[] { "basic", "pro", "enterprise" });
            Assert.Matches(@"^\d+,\d{2}$", r[3]);
            Assert.Matches(@"^\d+,\d{2}$", r[4]);
            DemoDatasetFixture.DayMonthYear(r[9]);
        });
    }

    [Fact]
    public void Answers_mix_istanbul_and_utc_timestamps_and_quote_multiline_comments()
    {
        List<string[]> rows = scale.Read("anket.csv", ',').Rows;
        Assert.Contains(rows, r => r[2].EndsWith("+03:00", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[2].EndsWith('Z'));
        Assert.Contains(rows, r => r[1].Length == 0); // anonymous
        Assert.Contains(rows, r => r[7].Contains('\n'));
        Assert.Contains(rows, r => r[7].Contains('"'));
        var times = rows.Select(r => DemoDatasetFixture.Timestamp(r[2])).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First <= p.Second), "answers are in time order");
        Assert.Equal(Enumerable.Range(100001, rows.Count).Select(i => i.ToString(DemoDatasetFixture.Inv)), rows.Select(r => r[0]));
    }

    [Fact]
    public void Loads_through_the_sample_model_with_zero_errors()
    {
        Assert.Equal(8, scale.Outcomes.Count);
        Assert.All(scale.Outcomes, o => Assert.True(o.Status == LoadStatus.Loaded, $"{o.Source}: {string.Join("\n", o.Diagnostics)}"));
        Assert.All(scale.Outcomes, o => Assert.True(o.Rows > 0, o.Source));
    }

    [Fact]
    public void Monthly_churn_falls_after_the_programme_starts()
    {
        // churn_rate of metrics.md per month: customers at the month's start who left during it.
        var rates = scale.Warehouse.Query("""
            WITH ends AS (SELECT customer, min(left_at) AS e FROM churns GROUP BY 1),
            months AS (SELECT CAST(x AS DATE) AS b FROM generate_series(DATE '2024-11-01', DATE '2026-10-01', INTERVAL 1 MONTH) t(x))
            SELECT m.b < DATE '2025-07-01', CAST(count(*) FILTER (WHERE e >= m.b AND e < m.b + INTERVAL 1 MONTH) AS DOUBLE) / count(*)
            FROM months m, customers c LEFT JOIN ends ON ends.customer = c.musteri_no
            WHERE c.signup < m.b AND (e IS NULL OR e >= m.b)
            GROUP BY m.b
            """, r => (Before: r.GetBoolean(0), Rate: r.GetDouble(1)));
        double before = rates.Where(r => r.Before).Average(r => r.Rate), after = rates.Where(r => !r.Before).Average(r => r.Rate);
        Assert.Equal(24, rates.Count);
        Assert.True(after < 0.8 * before, $"churn before {before:P2}, after {after:P2}");
    }

    [Fact]
    public void Nps_rises_after_the_programme_starts()
    {
        var nps = scale.Warehouse.Query("""
            SELECT responded_at < TIMESTAMPTZ '2025-07-01 00:00:00+03' AS before,
              100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*)
            FROM responses GROUP BY 1
            """, r => (Before: r.GetBoolean(0), Nps: r.GetDouble(1))).ToDictionary(x => x.Before, x => x.Nps);
        Assert.True(nps[false] > nps[true] + 10, $"NPS before {nps[true]:F1}, after {nps[false]:F1}");
    }

    [Fact]
    public void Detractors_churn_more_than_promoters()
    {
        // Of the customers who answered in the first half of the period, the share that has left by its end.
        var churned = scale.Warehouse.Query("""
            WITH first_half AS (
              SELECT customer, avg(score) AS mean FROM responses
              WHERE customer IS NOT NULL AND responded_at < TIMESTAMPTZ '2025-11-01 00:00:00+03' GROUP BY 1)
            SELECT mean <= 6 AS detractor, avg(CASE WHEN c.customer IS NULL THEN 0.0 ELSE 1.0 END)
            FROM first_half f LEFT JOIN (SELECT DISTINCT customer FROM churns) c USING (customer)
            WHERE mean <= 6 OR mean >= 9
            GROUP BY 1
            """, r => (Detractor: r.GetBoolean(0), Share: r.GetDouble(1))).ToDictionary(x => x.Detractor, x => x.Share);
        Assert.True(churned[true] > 1.5 * churned[false], $"detractors left {churned[true]:P1}, promoters {churned[false]:P1}");
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_other_files()
    {
        string again = DemoDatasetFixture.NewTempDirectory(), other = DemoDatasetFixture.NewTempDirectory();
        try
        {
            var options = new DemoOptions(again, ScaleDemoFixture.Customers, DemoDatasetFixture.Seed);
            ScaleDemoGenerator.Generate(options with { Seed = 7 }); // something to overwrite
            DemoSummary summary = ScaleDemoGenerator.Generate(options);
            ScaleDemoGenerator.Generate(options with { OutputDirectory = other, Seed = DemoDatasetFixture.Seed + 1 });

            Assert.Equal(scale.Summary.RowsPerFile.OrderBy(p => p.Key), summary.RowsPerFile.OrderBy(p => p.Key));
            Assert.Equal(Files(csharp.Directory), Files(again)); // no temporary files left behind
            foreach (string file in Files(again))
            {
                byte[] expected = File.ReadAllBytes(scale.PathOf(file));
                Assert.True(File.ReadAllBytes(Path.Combine(again, file)).AsSpan().SequenceEqual(expected), file);
                Assert.False(File.ReadAllBytes(Path.Combine(other, file)).AsSpan().SequenceEqual(expected), file);
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    private static List<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();

    private static ReadOnlySpan<byte> FirstLine(byte[] bytes) => bytes.AsSpan(0, bytes.AsSpan().IndexOf((byte)'\n') + 1);

    private static bool Contains(byte[] bytes, ReadOnlySpan<byte> what) => bytes.AsSpan().IndexOf(what) >= 0;
}
