using CxReports.Demo;

namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr query --format table</c> names time buckets as wide as their grain; CSV keeps each bucket's first day.</summary>
public sealed class QueryTableTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-cli-table-").FullName;
    private readonly string _root = CliRunner.RepositoryRoot();

    public QueryTableTests() => DemoDataGenerator.Generate(new DemoOptions(_data, Customers: 300));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string[] FirstColumn(string query, string format)
    {
        var result = CliRunner.Run(_root, "query", query, "--from", "2025-01-01", "--to", "2025-12-31", "--timezone", "UTC",
            "--format", format, "--reports", Path.Combine(_root, "reports"), "--data", _data);
        Assert.Equal(0, result.Exit);
        return format == "csv"
            ? result.Out.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0]).ToArray()
            // Table rows are the lines with a vertical bar; the first is the header.
            : result.Out.Split('\n').Where(l => l.Contains('│')).Skip(1).Select(l => l.Split('│')[1].Trim()).ToArray();
    }

    [Fact]
    public void Months_quarters_and_years_read_as_what_they_are()
    {
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2025-{m:00}"), FirstColumn("nps by month", "table"));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], FirstColumn("nps by quarter", "table"));
        Assert.Equal(["2025"], FirstColumn("nps by year", "table"));
    }

    [Fact]
    public void Csv_keeps_the_first_day_of_each_bucket() =>
        Assert.Equal(["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"], FirstColumn("nps by quarter", "csv"));
}
