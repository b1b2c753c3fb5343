using CxReports.Demo;

namespace CxReports.Demo.Tests;

[Collection(DemoDatasetCollection.Name)]
public sealed class DemoDeterminismTests(DemoDatasetFixture data)
{
    private static readonly string[] ExpectedFiles =
    [
        "anket.csv", "ayrilislar.csv", "cx_giderleri.csv", "destek_talepleri.csv", "faturalar/2024.csv",
        "faturalar/2025.csv", "faturalar/2026.csv", "kullanim.ndjson", "musteriler.csv", "siparisler.csv",
    ];

    [Fact]
    public void Writes_exactly_the_expected_files_and_reports_them()
    {
        Assert.Equal(ExpectedFiles, Files(data.Directory));
        Assert.Equal(ExpectedFiles, data.Summary.RowsPerFile.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2024, 11, 1), data.Summary.From);
        Assert.Equal(new DateOnly(2026, 10, 31), data.Summary.To);
        Assert.Equal(new DateOnly(2025, 7, 1), data.Summary.ProgrammeStart);
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_even_when_overwriting()
    {
        string other = DemoDatasetFixture.NewTempDirectory();
        try
        {
            var options = new DemoOptions(other, DemoDatasetFixture.Customers, DemoDatasetFixture.Seed);
            DemoDataGenerator.Generate(options with { Seed = 7 }); // something to overwrite
            DemoSummary summary = DemoDataGenerator.Generate(options);

            Assert.Equal(data.Summary.RowsPerFile.OrderBy(p => p.Key), summary.RowsPerFile.OrderBy(p => p.Key));
            Assert.Equal(ExpectedFiles, Files(other)); // no temporary files left behind
            foreach (string file in ExpectedFiles)
                Assert.True(File.ReadAllBytes(Path.Combine(other, file)).AsSpan().SequenceEqual(File.ReadAllBytes(data.PathOf(file))), file);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Different_seed_gives_different_files()
    {
        string other = DemoDatasetFixture.NewTempDirectory();
        try
        {
            DemoDataGenerator.Generate(new DemoOptions(other, DemoDatasetFixture.Customers, DemoDatasetFixture.Seed + 1));
            foreach (string file in ExpectedFiles)
                Assert.False(File.ReadAllBytes(Path.Combine(other, file)).AsSpan().SequenceEqual(File.ReadAllBytes(data.PathOf(file))), file);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void A_shorter_period_removes_invoice_years_it_does_not_cover()
    {
        string other = DemoDatasetFixture.NewTempDirectory();
        try
        {
            DemoDataGenerator.Generate(new DemoOptions(other, 50));
            DemoSummary summary = DemoDataGenerator.Generate(new DemoOptions(other, 50, End: new DateOnly(2026, 12, 31), Months: 12));

            Assert.Equal(["faturalar/2025.csv", "faturalar/2026.csv"], Files(other).Where(f => f.StartsWith("faturalar/", StringComparison.Ordinal)));
            Assert.Equal(new DateOnly(2026, 1, 1), summary.From);
            Assert.Equal(new DateOnly(2026, 9, 1), summary.ProgrammeStart);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 24)]
    [InlineData(10, 8)]
    public void Rejects_options_that_cannot_hold_the_story(int customers, int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DemoDataGenerator.Generate(new DemoOptions(Path.GetTempPath(), customers, Months: months)));

    private static string[] Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
