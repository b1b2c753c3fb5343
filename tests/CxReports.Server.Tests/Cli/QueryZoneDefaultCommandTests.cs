using CxReports.Demo;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr query</c> and <c>cxr explain</c> without <c>--timezone</c> plan in the zone of the model block (the sample's
/// Europe/Istanbul), as the sample reports do; <c>--timezone</c> still overrides it.
/// </summary>
public sealed class QueryZoneDefaultCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-cli-zone-").FullName;
    private readonly string _root = CliRunner.RepositoryRoot();

    public QueryZoneDefaultCommandTests() => DemoDataGenerator.Generate(new DemoOptions(_data, Customers: 300));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private (int Exit, string Out, string Err) Cxr(params string[] args) =>
        CliRunner.Run(_root, [.. args, "--reports", Path.Combine(_root, "reports"), "--data", _data]);

    [Fact]
    public void A_query_without_a_zone_is_the_query_in_the_model_blocks_zone()
    {
        string[] query = ["query", "nps, responses_n by month", "--from", "2025-11-01", "--to", "2026-06-30", "--format", "csv"];

        var byDefault = Cxr(query);
        var istanbul = Cxr([.. query, "--timezone", "Europe/Istanbul"]);
        var utc = Cxr([.. query, "--timezone", "UTC"]);

        Assert.True(byDefault.Exit == 0, byDefault.Err);
        Assert.Equal(istanbul.Out, byDefault.Out);
        Assert.NotEqual(utc.Out, byDefault.Out);
    }

    [Fact]
    public void Explain_plans_a_query_in_the_model_blocks_zone()
    {
        var (exit, output, errors) = Cxr("explain", "nps by month");

        Assert.True(exit == 0, errors);
        Assert.Contains("= Europe/Istanbul", output);
        Assert.DoesNotContain("= UTC", output);
    }
}
