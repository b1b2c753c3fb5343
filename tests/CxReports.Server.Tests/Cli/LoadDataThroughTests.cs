namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr load</c> shows where each source's data ends; a source without a time field shows nothing.</summary>
public sealed class LoadDataThroughTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cxr-through-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_load_table_shows_each_sources_last_day()
    {
        Directory.CreateDirectory(Path.Combine(_root, "reports"));
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        File.WriteAllText(Path.Combine(_root, "reports", "m.cxr"), """
            source plans from "plans.csv" { key id }
            source costs from "costs.csv" { time booked = "month": date format "%Y-%m" }
            """);
        File.WriteAllText(Path.Combine(_root, "data", "plans.csv"), "id\np\n");
        File.WriteAllText(Path.Combine(_root, "data", "costs.csv"), "month\n2024-01\n2024-02\n");

        var load = CliRunner.Run(_root, "load", "--reports", "reports", "--data", "data");

        Assert.True(load.Exit == 0, load.Out + load.Err);
        // February 2024 has 29 days; plans have no time field.
        var lines = load.Out.Split('\n');
        Assert.Contains("2024-02-29", lines.Single(l => l.Contains(" costs ", StringComparison.Ordinal)));
        Assert.DoesNotMatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", lines.Single(l => l.Contains(" plans ", StringComparison.Ordinal)));
    }
}
