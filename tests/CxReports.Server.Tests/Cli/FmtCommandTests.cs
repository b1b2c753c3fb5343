namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr fmt</c> writes a top-level currency line into the model block, but never makes a second block: with the
/// block in another file of the model (among the files formatted, or under <c>--reports</c>) the line stays a line.
/// </summary>
public sealed class FmtCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-fmt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_directory, name), text);
        return name;
    }

    [Fact]
    public void A_currency_line_becomes_the_model_block_and_the_model_still_checks_clean()
    {
        var file = Write("m.cxr", "currency \"TRY\"\n");

        Assert.Equal(0, CliRunner.Run(_directory, "fmt", file).Exit);

        Assert.Equal("model {\n  currency \"TRY\"\n}\n", File.ReadAllText(Path.Combine(_directory, file)));
        Assert.Equal(0, CliRunner.Run(_directory, "check", file).Exit);
    }

    [Fact]
    public void A_currency_line_stays_a_line_when_another_formatted_file_holds_the_block()
    {
        Write("model.cxr", "model {\n  locale \"tr-TR\"\n}\n");
        var metrics = Write("metrics.cxr", "currency \"TRY\"\n");

        var (exit, output, errors) = CliRunner.Run(_directory, "fmt", "--check", "model.cxr", "metrics.cxr");

        Assert.True(exit == 0, output + errors);
        Assert.Equal("currency \"TRY\"\n", File.ReadAllText(Path.Combine(_directory, metrics)));
    }

    [Fact]
    public void A_currency_line_stays_a_line_when_the_block_is_in_the_reports_directory()
    {
        Write("model.cxr", "model {\n  locale \"tr-TR\"\n}\n");
        var metrics = Write("metrics.cxr", "currency \"TRY\"\n");

        var (exit, output, errors) = CliRunner.Run(_directory, "fmt", "--check", "metrics.cxr", "--reports", ".");

        Assert.True(exit == 0, output + errors);
        Assert.Equal(0, CliRunner.Run(_directory, "check", ".").Exit);
    }
}
