using System.Diagnostics;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr serve</c> refusing to start: each setting at fault is one line on stderr, no stack trace, exit code 2. The
/// environment variables are given to a real child process (setting them here would reach the servers other tests build).
/// </summary>
public sealed class ServeSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-serve-settings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Settings_of_the_wrong_type_are_one_line_each_and_exit_2()
    {
        var (exit, stdout, stderr) = await Cxr(new()
        {
            ["Cxr__QueryTimeoutSeconds"] = "abc",
            ["Cxr__Auth__Enabled"] = "maybe",
            ["Cxr__MaxRequestBodyBytes"] = "",
            ["Delivery__SmtpSecurity"] = "Tls",
            ["Delivery__PublicUrl"] = "cx.example.com",
            ["CXR_PUBLIC_URL"] = "javascript:alert(1)",
        }, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
        [
            "cxr serve: CXR_PUBLIC_URL must be an absolute http or https address without query or fragment, such as https://cx.example.com (got 'javascript:alert(1)')",
            "cxr serve: Cxr:QueryTimeoutSeconds must be a whole number from -2147483648 to 2147483647 (got 'abc')",
            "cxr serve: Cxr:MaxRequestBodyBytes must be a whole number from -9223372036854775808 to 9223372036854775807 (got '')",
            "cxr serve: Cxr:Auth:Enabled must be true or false (got 'maybe')",
            "cxr serve: Delivery:SmtpSecurity must be one of None, StartTls, SslOnConnect (got 'Tls')",
            "cxr serve: Delivery:PublicUrl must be an absolute http or https address without query or fragment, such as https://cx.example.com (got 'cx.example.com')",
        ], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task No_auth_on_an_address_other_machines_reach_is_one_line_and_exit_2()
    {
        var (exit, stdout, stderr) = await Cxr([], "serve", "--urls", "http://0.0.0.0:0", "--no-auth");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            "cxr serve: Cxr:Auth:Enabled=false (--no-auth) is allowed only on loopback addresses (localhost, 127.0.0.1, [::1]), and 'http://0.0.0.0:0' "
            + "can be reached from other machines: listen on http://127.0.0.1:PORT, or keep auth on and create keys with cxr keys create\n", stderr);
    }

    [Fact]
    public void No_auth_on_a_public_address_is_refused_in_process_too()
    {
        var (exit, _, stderr) = CliRunner.Run(_directory, "--reports", Path.Combine(CliRunner.RepositoryRoot(), "reports"), "--data", _directory,
            "serve", "--urls", "http://[::]:0", "--no-auth");
        Assert.Equal(2, exit);
        Assert.StartsWith("cxr serve: Cxr:Auth:Enabled=false (--no-auth) is allowed only on loopback addresses", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Runs the built cxr as a child process with extra environment variables; killed if it runs 60 s.</summary>
    private async Task<(int Exit, string Out, string Err)> Cxr(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cxr.dll"));
        foreach (var arg in new[] { "--reports", Path.Combine(CliRunner.RepositoryRoot(), "reports"), "--data", _directory }.Concat(args))
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
