namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr explain</c> over the sample reports: SQL only, so no warehouse is opened.</summary>
public sealed class ExplainCommandTests
{
    private static readonly string Reports = Path.Combine(CliRunner.RepositoryRoot(), "reports");

    private static (int Exit, string Out, string Err) Explain(string target) =>
        CliRunner.Run(CliRunner.RepositoryRoot(), ["explain", target, "--reports", Reports, "--data", Path.GetTempPath()]);

    [Fact]
    public void A_misspelt_report_name_is_an_unknown_report_with_the_closest_name_not_an_unknown_metric()
    {
        var (exit, output, errors) = Explain("advocasy");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("cxr explain: no report or metric 'advocasy'; did you mean 'advocacy'?", errors);
        Assert.DoesNotContain("unknown metric", errors);
    }

    [Fact]
    public void A_bare_metric_name_is_explained_as_a_query()
    {
        var (exit, output, _) = Explain("nps");

        Assert.Equal(0, exit);
        Assert.Contains("SELECT", output);
    }
}
