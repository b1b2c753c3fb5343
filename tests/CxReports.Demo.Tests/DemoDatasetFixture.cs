using System.Globalization;
using CxReports.Demo;

namespace CxReports.Demo.Tests;

/// <summary>One small demo dataset (300 customers, seed 42) generated once for every demo test.</summary>
public sealed class DemoDatasetFixture : IDisposable
{
    public const int Customers = 300;
    public const int Seed = 42;

    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public DemoDatasetFixture()
    {
        Directory = NewTempDirectory();
        Summary = DemoDataGenerator.Generate(new DemoOptions(Directory, Customers, Seed));
    }

    public string Directory { get; }
    public DemoSummary Summary { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public (string[] Header, List<string[]> Rows) Read(string relative, char delimiter) =>
        Rfc4180Reader.ReadFile(PathOf(relative), delimiter);

    /// <summary>Signup date per customer number, from <c>musteriler.csv</c>.</summary>
    public Dictionary<string, DateOnly> Signups() =>
        Read("musteriler.csv", ';').Rows.ToDictionary(r => r[0], r => DayMonthYear(r[9]));

    /// <summary>Churn date per customer number, from <c>ayrilislar.csv</c>.</summary>
    public Dictionary<string, DateOnly> Churns() =>
        Read("ayrilislar.csv", ';').Rows.ToDictionary(r => r[0], r => DayMonthYear(r[1]));

    public static DateOnly DayMonthYear(string text) => DateOnly.ParseExact(text, "dd.MM.yyyy", Inv);

    public static DateTimeOffset Timestamp(string text) => DateTimeOffset.Parse(text, Inv, DateTimeStyles.RoundtripKind);

    public static string NewTempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "cxr-demo-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { } // a leftover temp directory must not fail the run
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDatasetCollection : ICollectionFixture<DemoDatasetFixture>
{
    public const string Name = "demo dataset";
}
