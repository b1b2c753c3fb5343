namespace CxReports.Server.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_sample_reports_check_clean_and_are_formatted()
    {
        var root = CliRunner.RepositoryRoot();
        var check = CliRunner.Run(root, "check", "reports");
        Assert.True(check.Exit == 0, check.Out + check.Err);
        Assert.Equal("", check.Out);

        var fmt = CliRunner.Run(root, "fmt", "--check", "reports");
        Assert.True(fmt.Exit == 0, fmt.Out + fmt.Err);
    }

    [Fact]
    public void One_report_file_is_checked_in_its_model_and_only_its_own_mistakes_are_shown()
    {
        // The report uses metrics of the model in reports/model: checked alone they would all be unknown.
        var root = CliRunner.RepositoryRoot();
        var clean = CliRunner.Run(root, "check", "reports/customer_success.cxr");
        Assert.True(clean.Exit == 0, clean.Out + clean.Err);
        Assert.Equal("", clean.Out);
        Assert.Contains("ok: 1 file, no errors", clean.Err);

        // Beside the model, the misspelt metric gets the model's closest name; the other file's mistake is not shown.
        File.WriteAllText(Path.Combine(_directory, "model.cxr"), "source s from \"s.csv\" {\n  key id\n}\nmetric answers = count(s)\nmetric broken = nope(s)\n");
        File.WriteAllText(Path.Combine(_directory, "r.cxr"), "report r {\n  section \"x\" { kpi answer }\n}\n");
        var (exit, output, errors) = CliRunner.Run(_directory, "check", "r.cxr");

        Assert.Equal(1, exit);
        Assert.StartsWith("r.cxr:2:21: error CXR010: unknown metric 'answer'", output);
        Assert.Contains("did you mean 'answers'?", output);
        Assert.DoesNotContain("model.cxr", output);
        Assert.Contains("1 error in 1 of 1 files", errors);
    }

    [Fact]
    public void A_long_line_is_shown_cut_around_the_error_with_the_caret_under_it()
    {
        // 300 spaces, then a stray '@' at column 301.
        File.WriteAllText(Path.Combine(_directory, "long.cxr"), new string(' ', 300) + "@\n");

        var (exit, output, _) = CliRunner.Run(_directory, "check", "long.cxr");

        Assert.Equal(1, exit);
        var lines = output.Split('\n');
        Assert.Equal("long.cxr:1:301: error CXR001: unexpected character '@'", lines[0]);
        // The window is 120 columns; it would start 40 before the '@', but the line ends there, so it shows the last
        // 120 columns (119 spaces and the '@') after an ellipsis, and the caret goes under the '@'.
        Assert.Equal("    1 | …" + new string(' ', 119) + "@", lines[1]);
        Assert.Equal("      | " + new string(' ', 120) + "^", lines[2]);
    }

    [Fact]
    public void A_quarter_megabyte_of_garbage_prints_a_bounded_report_quickly()
    {
        File.WriteAllText(Path.Combine(_directory, "at.cxr"), new string('@', 262_000));

        var (exit, output, _) = CliRunner.Run(_directory, "check", "at.cxr");

        // It printed the 262,000-character line under each of 262,000 diagnostics before (tens of gigabytes).
        Assert.Equal(1, exit);
        Assert.True(output.Length < 1_000_000, $"{output.Length:N0} characters printed");
        Assert.Contains("at.cxr:1:1001: error CXR036: 261,000 more finding(s) from here on are not listed (at most 1,000 are kept)", output);
    }

    [Fact]
    public void An_error_prints_file_line_column_code_the_source_line_a_caret_and_a_hint_and_exits_1()
    {
        File.WriteAllText(Path.Combine(_directory, "m.cxr"),
            "source responses from \"a.csv\" {\n  column score: integer\n}\nmetric nps = nsp(responses.score)\n");

        var (exit, output, _) = CliRunner.Run(_directory, "check", "m.cxr");

        Assert.Equal(1, exit);
        Assert.Equal(
            "m.cxr:4:14: error CXR010: unknown function 'nsp'\n" +
            "    4 | metric nps = nsp(responses.score)\n" +
            "      |              ^^^\n" +
            "      = hint: did you mean 'nps'?\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_mistake_of_every_file_in_a_directory_is_reported_in_one_run()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        File.WriteAllText(Path.Combine(_directory, "a.cxr"), "metric a = count(nowhere)\n");
        File.WriteAllText(Path.Combine(_directory, "sub", "b.cxr"), "metric b = = 1\nmetric c = 1 +\n");

        var (exit, output, _) = CliRunner.Run(_directory, "check", ".");

        Assert.Equal(1, exit);
        var headlines = output.Split('\n').Where(l => l.Contains(": error ")).ToArray();
        Assert.Equal(3, headlines.Length);
        Assert.StartsWith("a.cxr:1:18: error CXR010", headlines[0]);
        Assert.StartsWith(Path.Combine("sub", "b.cxr") + ":1:12: error CXR004", headlines[1]);
        Assert.StartsWith(Path.Combine("sub", "b.cxr") + ":2:15: error CXR004", headlines[2]);
    }

    [Fact]
    public void A_missing_path_or_an_unknown_option_is_a_usage_error_with_exit_2()
    {
        Assert.Equal(2, CliRunner.Run(_directory, "check", "no-such-dir").Exit);
        Assert.Equal(2, CliRunner.Run(_directory, "check", "--no-such-option").Exit);
    }

    [Fact]
    public void Fmt_rewrites_a_file_into_the_canonical_layout_and_then_check_mode_is_clean()
    {
        var file = Path.Combine(_directory, "m.cxr");
        File.WriteAllText(file, "metric   a=count( responses ) # all answers\n");

        Assert.Equal(1, CliRunner.Run(_directory, "fmt", "--check", "m.cxr").Exit);
        Assert.Equal("metric   a=count( responses ) # all answers\n", File.ReadAllText(file));
        Assert.Equal(0, CliRunner.Run(_directory, "fmt", "m.cxr").Exit);
        Assert.Equal("metric a = count(responses)  # all answers\n", File.ReadAllText(file));
        Assert.Equal(0, CliRunner.Run(_directory, "fmt", "--check", "m.cxr").Exit);
    }

    [Fact]
    public void Fmt_check_shows_what_would_change_as_a_unified_diff()
    {
        File.WriteAllText(Path.Combine(_directory, "m.cxr"), "# answers\nmetric   a=count( responses )\nmetric b = count(responses)\n");

        var (exit, output, _) = CliRunner.Run(_directory, "fmt", "--check", "m.cxr");

        Assert.Equal(1, exit);
        Assert.Equal(
            "m.cxr: not formatted\n--- m.cxr\n+++ m.cxr (cxr fmt)\n@@ -1,4 +1,4 @@\n # answers\n-metric   a=count( responses )\n+metric a = count(responses)\n metric b = count(responses)\n \n",
            output.ReplaceLineEndings("\n"));
    }
}
