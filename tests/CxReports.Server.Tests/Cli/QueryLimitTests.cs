using CxReports.Demo;

namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr query</c> and <c>cxr run</c> keep the server's limits by default; a flag raises one for one run.</summary>
public sealed class QueryLimitTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-cli-limits-").FullName;
    private readonly string _root = CliRunner.RepositoryRoot();

    public QueryLimitTests() => DemoDataGenerator.Generate(new DemoOptions(_data, Customers: 100));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private (int Exit, string Out, string Err) Cxr(params string[] args) =>
        CliRunner.Run(_root, [.. args, "--reports", Path.Combine(_root, "reports"), "--data", _data]);

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public void A_table_past_the_row_limit_is_one_line_naming_the_flag_and_exit_1_and_the_flag_raises_it()
    {
        var refused = Cxr("query", "responses_n by day", "--from", "2025-01-01", "--to", "2025-01-11", "--max-rows", "10");
        Assert.Equal(1, refused.Exit);
        Assert.Equal("", refused.Out);
        Assert.Equal("cxr query: the result has more than 10 rows in one table: narrow it (a shorter period, a coarser grain, fewer dimensions, a where or top N) or raise --max-rows",
            LastLine(refused.Err));

        var raised = Cxr("query", "responses_n by day", "--from", "2025-01-01", "--to", "2025-01-11", "--max-rows", "11", "--format", "csv");
        Assert.Equal(0, raised.Exit);
        Assert.Equal(12, raised.Out.TrimEnd('\n').Split('\n').Length); // the header and 11 days
    }

    [Fact]
    public void A_day_grain_over_three_centuries_is_refused_by_default_in_one_line_with_exit_1()
    {
        var refused = Cxr("query", "nps by day", "--from", "1900-01-01", "--to", "2199-12-31");
        Assert.Equal(1, refused.Exit);
        Assert.Equal("cxr query: from 1900-01-01 to 2199-12-31 by day is 109,573 buckets; at most 5,000 are computed: shorten the period or use a coarser grain (or raise --max-buckets)",
            LastLine(refused.Err));
    }

    [Fact]
    public void A_report_block_past_the_row_limit_is_one_line_naming_the_block_and_exit_1()
    {
        var refused = Cxr("run", "advocacy", "--from", "2025-10-01", "--to", "2026-10-31", "--max-rows", "12");
        Assert.Equal(1, refused.Exit);
        Assert.StartsWith("cxr run: the result has more than 12 rows in one table (block 'chart_1')", LastLine(refused.Err));
    }

    [Theory]
    [InlineData("--max-rows", "0")]
    [InlineData("--max-rows", "many")]
    [InlineData("--max-buckets", "99999999999")]
    [InlineData("--max-result-bytes", "-5")]
    public void A_limit_that_is_not_a_whole_number_of_at_least_1_is_a_usage_error_naming_the_option(string option, string value)
    {
        var refused = Cxr("query", "nps", option, value);
        Assert.Equal(2, refused.Exit);
        Assert.Contains($"{option} must be a whole number of at least 1 (got '{value}')", refused.Err);
        Assert.DoesNotContain("   at ", refused.Err);
    }
}
