using System.Diagnostics;
using System.Text.Json;
using CxReports.Demo;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;
using CxReports.Server.Tests.Cli;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// A real <c>cxr serve</c> killed with SIGKILL in the middle of a run, twice, and started again on the same warehouse:
/// the run is finished by the restarted server, every target is delivered at most once (the webhook may see its
/// Idempotency-Key again), and the email cut off mid-send is in doubt, never sent a second time.
/// </summary>
public sealed class CrashResumeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-crash-").FullName;
    private readonly HoldingSmtpServer _smtp = new();
    private readonly HoldingWebhookReceiver _webhook = new(hold: 1);
    private readonly string _key = ApiKeys.Generate();

    private string Reports => Path.Combine(_root, "reports");
    private string Data => Path.Combine(_root, "data");
    private string Out => Path.Combine(_root, "out");

    public CrashResumeTests()
    {
        Directory.CreateDirectory(Path.Combine(Reports, "model"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot(), "reports", "model")))
            File.Copy(file, Path.Combine(Reports, "model", Path.GetFileName(file)));
        // Never due by itself (January 1st); run now by POST. Folder first, then the email, then the webhook.
        File.WriteAllText(Path.Combine(Reports, "crash.cxr"), $$"""
            report crash "Crash" {
              period previous 12 months
              schedule "0 0 1 1 *" {
                folder "cx" as json
                email "ceo@example.com" as json
                webhook "{{_webhook.Url}}" as json
              }
              section "S" {
                kpi nps
              }
            }
            """);
        DemoDataGenerator.Generate(new DemoOptions(Data, Customers: 200));
        using var warehouse = Warehouses.Open(new WarehouseOptions(Data));
        ApiKeyTable.Add(warehouse, _key, ApiScope.Run, DateTimeOffset.UtcNow);
    }

    public void Dispose()
    {
        _webhook.Dispose();
        _smtp.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ServeProcess Serve() => ServeProcess.Start(Reports, Data, new Dictionary<string, string>
    {
        ["Delivery__OutputRoot"] = Out,
        ["Delivery__WebhookSecret"] = "test-secret",
        ["Delivery__SmtpHost"] = "127.0.0.1",
        ["Delivery__SmtpPort"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery__SmtpSecurity"] = "None",
    });

    private static JsonElement Runs(ServeProcess server, string key)
    {
        using var client = server.Client(key);
        return JsonDocument.Parse(client.GetStringAsync("/api/runs?report=crash").Result).RootElement.GetProperty("runs");
    }

    [Fact]
    public void A_run_killed_mid_email_and_again_mid_webhook_is_finished_after_restart_without_any_duplicate()
    {
        // 1. Run now; the folder is written, then the email's final dot is never acknowledged: kill.
        using (var first = Serve())
        {
            using var client = first.Client(_key);
            _ = client.PostAsync("/api/reports/crash/run", null);
            ServeProcess.WaitUntil(() => _smtp.Messages == 1, "the email to reach the SMTP server");
            first.Kill();
        }
        var delivered = Assert.Single(Directory.GetFiles(Path.Combine(Out, "cx")));
        Assert.StartsWith("crash_", Path.GetFileName(delivered));
        File.WriteAllText(delivered, "written by the first process only");

        // 2. Restart: the interrupted run is resumed; its email is in doubt, its webhook POST is held open: kill again.
        using (var second = Serve())
        {
            ServeProcess.WaitUntil(() => _webhook.Keys.Count == 1, "the webhook POST of the resumed run");
            second.Kill();
        }

        // 3. Restart: the run is finished, the webhook delivered with the same key.
        using var third = Serve();
        ServeProcess.WaitUntil(() => Runs(third, _key)[0].GetProperty("outcome").GetString() != "running", "the resumed run to finish");

        var run = Assert.Single(Runs(third, _key).EnumerateArray());
        Assert.Equal("partial", run.GetProperty("outcome").GetString());
        Assert.Equal("not delivered: email ceo@example.com in_doubt", run.GetProperty("error").GetString());
        Assert.NotEqual(JsonValueKind.Null, run.GetProperty("finishedAt").ValueKind);
        var deliveries = run.GetProperty("deliveries").EnumerateArray()
            .ToDictionary(d => d.GetProperty("channel").GetString()!, d => (d.GetProperty("outcome").GetString(), d.GetProperty("attempts").GetInt32()));
        Assert.Equal(("delivered", 1), deliveries["folder"]);
        Assert.Equal(("in_doubt", 1), deliveries["email"]);
        Assert.Equal(("delivered", 2), deliveries["webhook"]);

        Assert.Equal(2, _webhook.Keys.Count);
        Assert.NotNull(_webhook.Keys[0]);
        Assert.Equal(_webhook.Keys[0], _webhook.Keys[1]);
        Assert.Equal(1, _smtp.Messages);
        Assert.Equal("written by the first process only", File.ReadAllText(delivered));
        Assert.Equal([delivered], Directory.GetFiles(Path.Combine(Out, "cx")));
    }
}
