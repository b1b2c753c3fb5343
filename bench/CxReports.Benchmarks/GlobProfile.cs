using System.Diagnostics;
using System.Globalization;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;
using DuckDB.NET.Data;

namespace CxReports.Benchmarks;

/// <summary>
/// Incremental loading of a glob: the survey CSV split into <c>files</c> exports (<c>parts/part-01.csv</c> ...),
/// loaded once, then in turns one file changed (one row's comment rewritten) and loaded incrementally, and the same
/// reloaded in full (<c>force</c>); medians of the times. The split files are cached in bench/.data; each run works
/// on copies of them in a scratch directory beside them.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- glob --rows 2400000 [--files 12] [--repeats 5]
/// </summary>
public static class GlobProfile
{
    public static void Run(int rows, int files, int repeats)
    {
        var parts = Split(rows, files);
        var scratch = Directory.CreateDirectory(Path.Combine(SurveyCsv.DataDirectory(), "glob-scratch-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(scratch, "parts")).FullName;
            foreach (var part in parts) File.Copy(part, Path.Combine(data, Path.GetFileName(part)));
            var model = LoadBenchmark.Compile("parts/*.csv");
            using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(scratch));
            var loader = new WarehouseLoader(warehouse, TimeProvider.System);
            double Load(bool force, LoadStatus expected = LoadStatus.Loaded)
            {
                var watch = Stopwatch.StartNew();
                var outcome = loader.LoadAll(model, force).Single();
                if (outcome.Status != expected) throw new InvalidOperationException($"{outcome.Status}: {string.Join("\n", outcome.Diagnostics.Take(5))}");
                return watch.Elapsed.TotalSeconds;
            }
            var changes = 0;
            void Change()
            {
                // A new version of one file: the same rows, one comment rewritten.
                var target = Path.Combine(data, Path.GetFileName(parts[changes % parts.Count]));
                var text = File.ReadAllText(target);
                var at = text.IndexOf("ok", StringComparison.Ordinal);
                var changed = text[..at] + (changes % 2 == 0 ? "OK" : "ok") + text[(at + 2)..];
                File.Delete(target);
                File.WriteAllText(target, changed);
                changes++;
            }

            Console.WriteLine($"{rows:N0} rows in {files} files, {parts.Sum(p => new FileInfo(p).Length) / 1e6:N0} MB");
            Console.WriteLine($"first load (every file read): {Load(force: true):N2} s");
            Console.WriteLine($"nothing changed: {Load(force: false, LoadStatus.Unchanged):N2} s");
            var incremental = new List<double>();
            var full = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                Change();
                incremental.Add(Load(force: false));
                Change();
                full.Add(Load(force: true));
                Console.WriteLine($"  one file changed: incremental {incremental[^1]:N2} s, full reload {full[^1]:N2} s");
            }
            Console.WriteLine($"median of {repeats}: incremental {Median(incremental):N2} s, full reload {Median(full):N2} s, " +
                              $"ratio {Median(incremental) / Median(full):N2}");
        }
        finally { Directory.Delete(scratch, true); }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The survey CSV of <paramref name="rows"/> rows split by id into <paramref name="files"/> files, cached.</summary>
    private static List<string> Split(int rows, int files)
    {
        var directory = Path.Combine(SurveyCsv.DataDirectory(), $"glob-{rows}-{files}");
        var names = Enumerable.Range(1, files).Select(i => Path.Combine(directory, $"part-{i:00}.csv")).ToList();
        if (names.All(File.Exists)) return names;
        var csv = SurveyCsv.Ensure(rows);
        Directory.CreateDirectory(directory);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var size = (rows + files - 1) / files;
        for (var i = 0; i < files; i++)
        {
            var from = (i * size + 1).ToString(CultureInfo.InvariantCulture);
            var to = ((i + 1) * size).ToString(CultureInfo.InvariantCulture);
            LoadBenchmark.Execute(connection, $"COPY (SELECT * FROM read_csv('{csv.Replace("'", "''")}', all_varchar = true) WHERE CAST(id AS BIGINT) BETWEEN {from} AND {to} " +
                                              $"ORDER BY CAST(id AS BIGINT)) TO '{names[i].Replace("'", "''")}' (FORMAT csv, HEADER)");
        }
        return names;
    }
}
