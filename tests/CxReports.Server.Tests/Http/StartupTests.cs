using CxReports.Server.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Tests.Http;

public sealed class StartupTests
{
    [Fact]
    public async Task With_auth_disabled_explicitly_every_call_is_allowed_and_the_log_says_so()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:Auth:Enabled"] = "false", ["Cxr:WatchReports"] = "false" });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client().GetAsync("/api/reports")).StatusCode);
        using var reload = new HttpRequestMessage(HttpMethod.Post, "/api/reload") { Headers = { { "X-CxReports-Request", "1" } } };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client().SendAsync(reload)).StatusCode);
        Assert.Contains(server.Logged(), l => l.Level == LogLevel.Warning && l.Message.Contains("AUTHENTICATION IS DISABLED"));
    }

    [Fact]
    public async Task Invalid_settings_stop_the_start_naming_each_setting()
    {
        var app = CxrServer.Build(new Dictionary<string, string?>
        {
            ["Cxr:ReportsDirectory"] = "/no/such/reports",
            ["Cxr:QueryTimeoutSeconds"] = "0",
            ["Cxr:MaxConcurrentEvaluations"] = "-1",
        }, b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(b.WebHost));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Cxr:ReportsDirectory '/no/such/reports' does not exist (flag --reports DIR; run from the repository root for the samples)", e.Failures);
        Assert.Contains("Cxr:QueryTimeoutSeconds must be between 1 and 3600 (got 0)", e.Failures);
        Assert.Contains("Cxr:MaxConcurrentEvaluations must be between 1 and 256 (got -1)", e.Failures);
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("oracle", null, "Warehouse:Provider must be duckdb or postgres (got 'oracle')")]
    [InlineData("postgres", null, "Warehouse:ConnectionString is empty: the postgres warehouse needs one (environment variable Warehouse__ConnectionString)")]
    public async Task An_unusable_warehouse_setting_stops_the_start_naming_it(string provider, string? connection, string failure)
    {
        var app = CxrServer.Build(new Dictionary<string, string?>
        {
            ["Cxr:ReportsDirectory"] = Path.Combine(Cli.CliRunner.RepositoryRoot(), "reports"), // valid, so only the warehouse is at fault
            ["Warehouse:Provider"] = provider,
            ["Warehouse:ConnectionString"] = connection,
        }, b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(b.WebHost));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(failure, e.Failures);
        await app.DisposeAsync();
    }

    [Fact]
    public void A_mistyped_connection_option_is_a_usage_error_that_does_not_echo_the_password()
    {
        var (exit, _, stderr) = Cli.CliRunner.Run(Path.GetTempPath(), "query", "nps", "--warehouse", "postgres",
            "--connnection", "Host=db;Username=cxr;Password=hunter2-secret;Database=cx");
        Assert.Equal(2, exit);
        Assert.Contains("--connnection", stderr);
        Assert.Contains("Password=***", stderr);
        Assert.DoesNotContain("hunter2-secret", stderr);
    }

    [Fact]
    public void A_refused_postgres_connection_is_reported_without_the_password()
    {
        var data = Directory.CreateTempSubdirectory("cxr-pg-refused-").FullName;
        try
        {
            var reports = Path.Combine(Cli.CliRunner.RepositoryRoot(), "reports");
            var (exit, _, stderr) = Cli.CliRunner.Run(data, "query", "nps", "--reports", reports, "--data", data, "--warehouse", "postgres",
                "--connection", "Host=127.0.0.1;Port=1;Username=cxr;Password=hunter2-secret;Database=cx;Timeout=3");
            Assert.NotEqual(0, exit);
            Assert.Contains("cannot connect to PostgreSQL", stderr);
            Assert.DoesNotContain("hunter2-secret", stderr);
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }
}
