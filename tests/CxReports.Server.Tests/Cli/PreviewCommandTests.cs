namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr preview</c> refusing what it cannot serve: one line naming the argument, exit 2.</summary>
public sealed class PreviewCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-preview-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("../advocacy")]
    [InlineData("advocacy\u0001")]
    [InlineData("")]
    public void A_report_that_is_no_report_name_is_a_usage_error(string report)
    {
        var (exit, stdout, stderr) = CliRunner.Run(_directory, "--reports", Path.Combine(CliRunner.RepositoryRoot(), "reports"), "--data", _directory, "preview", report);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("cxr preview: '", stderr);
        Assert.Contains("is not a report name", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void A_port_that_is_no_port_is_a_usage_error_naming_the_option(string port)
    {
        var (exit, _, stderr) = CliRunner.Run(_directory, "--reports", Path.Combine(CliRunner.RepositoryRoot(), "reports"), "--data", _directory, "preview", "--port", port);

        Assert.Equal(2, exit);
        Assert.Contains($"--port must be a whole number between 0 and 65535 (got '{port}')", stderr);
    }
}
