using System.Text.Json;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// A real <c>cxr serve</c> checking an alert on its schedule, killed with SIGKILL three times in the middle of sending
/// its notices and started again on the same warehouse: the restarted server finishes the alert's run with the same
/// keys, and each target gets the notice once. The email and the Slack message cut off mid-send are in doubt, never
/// sent again (neither can tell a repeat from a new message); the webhook is sent again with the same Idempotency-Key.
/// </summary>
public sealed class AlertCrashResumeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-alert-crash-").FullName;
    private readonly HoldingSmtpServer _smtp = new();
    private readonly HoldingWebhookReceiver _slack = new(hold: 1);
    private readonly HoldingWebhookReceiver _webhook = new(hold: 1);
    private readonly WebhookReceiver _teams = new();
    private readonly string _key = ApiKeys.Generate();

    private string Reports => Path.Combine(_root, "reports");
    private string Data => Path.Combine(_root, "data");

    public AlertCrashResumeTests()
    {
        // Checked every 5 seconds; the targets in this order: email, Slack, webhook, Teams.
        AlertFixture.WriteProject(_root, AlertFixture.CheckedEvery5Seconds("crash", "Crash",
            $"email \"cx@example.com\", slack \"{_slack.Url}\", webhook \"{_webhook.Url}\", teams \"{_teams.Url}\""));
        using var warehouse = Warehouses.Open(new WarehouseOptions(Data));
        ApiKeyTable.Add(warehouse, _key, ApiScope.Read, DateTimeOffset.UtcNow);
    }

    public void Dispose()
    {
        _teams.Dispose();
        _webhook.Dispose();
        _slack.Dispose();
        _smtp.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ServeProcess Serve() => ServeProcess.Start(Reports, Data, new Dictionary<string, string>
    {
        ["Delivery__WebhookSecret"] = "test-secret",
        ["Delivery__SmtpHost"] = "127.0.0.1",
        ["Delivery__SmtpPort"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery__SmtpSecurity"] = "None",
    });

    /// <summary>The alert's runs that sent something (the later checks find nothing new to say), as GET /api/runs lists them.</summary>
    private JsonElement[] RunsThatSent(ServeProcess server)
    {
        using var client = server.Client(_key);
        return JsonDocument.Parse(client.GetStringAsync("/api/runs").Result).RootElement.GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("report").GetString() == "alert:crash" && r.GetProperty("deliveries").GetArrayLength() > 0).ToArray();
    }

    [Fact]
    public void An_alert_run_killed_mid_email_mid_slack_and_mid_webhook_is_finished_after_restart_with_each_target_told_once()
    {
        // 1. The check fires; the email's final dot is never acknowledged: kill.
        using (var first = Serve())
        {
            ServeProcess.WaitUntil(() => _smtp.Messages == 1, "the alert's email to reach the SMTP server");
            first.Kill();
        }
        // 2. Restart: the run is resumed, its email in doubt; the Slack POST is held open: kill.
        using (var second = Serve())
        {
            ServeProcess.WaitUntil(() => _slack.Keys.Count == 1, "the Slack POST of the resumed run");
            second.Kill();
        }
        // 3. Restart: Slack is in doubt too; the webhook POST is held open: kill.
        using (var third = Serve())
        {
            ServeProcess.WaitUntil(() => _webhook.Keys.Count == 1, "the webhook POST of the resumed run");
            third.Kill();
        }
        // 4. Restart: the webhook is sent again with the same key, Teams once, and the run ends.
        using var fourth = Serve();
        ServeProcess.WaitUntil(() => RunsThatSent(fourth) is [var r] && r.GetProperty("outcome").GetString() != "running", "the resumed alert run to finish");

        var run = Assert.Single(RunsThatSent(fourth));
        Assert.Equal("partial", run.GetProperty("outcome").GetString());
        Assert.Equal($"not delivered: email cx@example.com in_doubt; slack {_slack.Url} in_doubt", run.GetProperty("error").GetString());
        var deliveries = run.GetProperty("deliveries").EnumerateArray()
            .ToDictionary(d => d.GetProperty("channel").GetString()!, d => (d.GetProperty("outcome").GetString(), d.GetProperty("attempts").GetInt32()));
        Assert.Equal(("in_doubt", 1), deliveries["email"]);
        Assert.Equal(("in_doubt", 1), deliveries["slack"]);
        Assert.Equal(("delivered", 2), deliveries["webhook"]);
        Assert.Equal(("delivered", 1), deliveries["teams"]);

        Assert.Equal(1, _smtp.Messages);
        Assert.Single(_slack.Keys);
        Assert.Equal(2, _webhook.Keys.Count);
        Assert.NotNull(_webhook.Keys[0]);
        Assert.Equal(_webhook.Keys[0], _webhook.Keys[1]);
        Assert.Single(_teams.Requests);
    }
}
