using System.Text;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using CxReports.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// A webhook URL with a user name, password and token: the receiver gets the credentials as Basic authorization, and
/// nothing the server shows (API answers over real HTTP, its log, its run log) contains any of them.
/// </summary>
public sealed class WebhookSecretsTests : IAsyncLifetime
{
    private const string User = "hook-user";
    private const string Password = "pa55:w@rd";
    private const string Token = "tok-4f9c2";
    private readonly WebhookReceiver _receiver = new(404);
    private TestServer _server = null!;

    private string Url => _receiver.Url.Replace("http://", $"http://{User}:{Uri.EscapeDataString(Password)}@") + $"?token={Token}&mode=fast";

    private string Shown => _receiver.Url.Replace("http://", "http://***@") + "?token=***&mode=***";

    public async Task InitializeAsync()
    {
        _server = await TestServer.Start(new Dictionary<string, string?> { ["Delivery:WebhookSecret"] = "signing-secret" }, kestrel: true);
        await File.WriteAllTextAsync(Path.Combine(_server.Reports, "hooked.cxr"), $$"""
            report hooked "Hooked" {
              period previous 12 months
              schedule "0 0 1 1 *" {
                webhook "{{Url}}" as json
              }
              section "S" {
                kpi nps
              }
            }
            """);
        var client = _server.Client(ApiScope.Read);
        for (var waited = 0; (await client.GetAsync("/api/reports/hooked")).StatusCode != System.Net.HttpStatusCode.OK; waited += 50)
        {
            if (waited > 15_000) throw new TimeoutException("the server did not pick up hooked.cxr in 15 s");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _receiver.Dispose();
    }

    private void AssertNoSecret(string text, string where)
    {
        foreach (var secret in new[] { User, Password, Uri.EscapeDataString(Password), Token })
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows \"{secret}\": {text}");
    }

    [Fact]
    public async Task The_userinfo_goes_as_basic_credentials_and_no_answer_log_or_run_log_row_shows_a_secret()
    {
        var run = await _server.Client(ApiScope.Run).PostAsync("/api/reports/hooked/run", null);
        var runBody = await run.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, run.StatusCode);
        var (authorization, url) = Assert.Single(_receiver.Credentials);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")), authorization);
        Assert.Equal($"/hook/?token={Token}&mode=fast", url);

        var reader = _server.Client(ApiScope.Read);
        var runs = await reader.GetStringAsync("/api/runs");
        var reports = await reader.GetStringAsync("/api/reports");
        var report = await reader.GetStringAsync("/api/reports/hooked");
        foreach (var (text, where) in new[] { (runBody, "POST /run"), (runs, "/api/runs"), (reports, "/api/reports"), (report, "/api/reports/hooked") })
            AssertNoSecret(text, where);
        Assert.Contains($"\"target\":\"{Shown}\"", runs);
        Assert.Contains($"POST {Shown} answered 404 Not Found", runs);
        Assert.Contains($"not delivered: webhook {Shown} failed", runs);
        Assert.Contains($"webhook: {Shown} as json", reports);

        AssertNoSecret(string.Join("\n", _server.Logged().Select(l => $"{l.Category}: {l.Message}")), "the server log");
        var log = _server.App.Services.GetRequiredService<RunService>().Log;
        foreach (var row in log.DeliveriesOf(log.RecentRuns("hooked").Single().RunId))
            AssertNoSecret($"{row.Target} {row.Error}", "the run log");
    }
}
