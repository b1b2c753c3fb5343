namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr run --format csv|xlsx|zip [--block ID]</c>: the usage mistakes are exit 2 with a message naming what to
/// write, before anything is evaluated (so no warehouse is needed here).
/// </summary>
public sealed class RunFormatTests
{
    private static readonly string Reports = Path.Combine(CliRunner.RepositoryRoot(), "reports");

    private static (int Exit, string Out, string Err) Run(params string[] args) =>
        CliRunner.Run(CliRunner.RepositoryRoot(), ["run", "cx_roi", "--reports", Reports, "--data", Path.GetTempPath(), .. args]);

    [Fact]
    public void A_misspelt_block_is_exit_2_with_the_closest_id()
    {
        var (exit, _, err) = Run("--format", "csv", "--block", "kpi_l");

        Assert.Equal(2, exit);
        Assert.Contains("report 'cx_roi' has no block 'kpi_l' with a table. Did you mean 'kpi_1'?", err);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("kpi_1\0")]
    [InlineData("")]
    public void A_block_that_is_not_an_id_is_exit_2(string block)
    {
        var (exit, _, err) = Run("--format", "csv", "--block", block);

        Assert.Equal(2, exit);
        Assert.Contains("is not a block id", err);
        Assert.DoesNotContain('\0', err);
    }

    [Fact]
    public void A_csv_of_a_report_with_several_tables_needs_a_block()
    {
        var (exit, _, err) = Run("--format", "csv");

        Assert.Equal(2, exit);
        Assert.Contains("a CSV file holds one table and report 'cx_roi' has", err);
        Assert.Contains("name one with --block (scenario_1, kpi_1, kpi_2", err);
    }

    [Fact]
    public void A_block_with_a_format_that_has_every_block_is_exit_2()
    {
        var (exit, _, err) = Run("--format", "xlsx", "--block", "kpi_1", "-o", "x.xlsx");

        Assert.Equal(2, exit);
        Assert.Contains("--block chooses the table of a CSV; xlsx documents have every block", err);
    }

    [Fact]
    public void A_workbook_is_not_written_to_a_terminal()
    {
        var (exit, _, err) = Run("--format", "xlsx");

        Assert.Equal(2, exit);
        Assert.Contains("write it to a file with -o cx_roi.xlsx", err);
    }
}
