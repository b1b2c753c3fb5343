using CxReports.Server.Tests.Delivery;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr alert check</c> notifies (a manual run in the run log, each target once), <c>--dry-run</c> only shows what
/// would be sent to whom; beside a running server the command goes through it and still notifies. The data are
/// <see cref="AlertFixture"/>'s, January and February being the month before last and last month: phone drops 40.
/// </summary>
public sealed class AlertCheckNotifyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-cli-alert-notify-").FullName;
    private readonly WebhookReceiver _slack = new();

    /// <summary>A Slack URL whose token (the path after <c>/hook/</c>) must never be printed.</summary>
    private string SlackUrl => _slack.Url + "T000/B000/XXXXtoken";

    public AlertCheckNotifyTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "reports"));
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        var now = DateTime.UtcNow;
        File.WriteAllText(Path.Combine(_root, "data", "responses.csv"), AlertFixture.Csv(new DateOnly(now.Year, now.Month, 1).AddMonths(-2)));
        File.WriteAllText(Path.Combine(_root, "reports", "alerts.cxr"), AlertFixture.Model + $$"""

            alert drop "Drop" {
              when nps by channel drops 5 points vs previous period
              min responses_n 30
              significance 95%
              notify slack "{{SlackUrl}}"
            }
            """);
    }

    public void Dispose()
    {
        _slack.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private (int Exit, string Out, string Err) Cxr(params string[] args) => CliRunner.Run(_root, ["alert", "check", .. args, "--reports", "reports", "--data", "data"]);

    private string Shown => _slack.Url + "***";

    [Fact]
    public void A_dry_run_shows_what_would_be_sent_and_sends_nothing_then_a_check_notifies_once()
    {
        var dry = Cxr("--dry-run");
        Assert.True(dry.Exit == 0, dry.Err);
        Assert.Contains($"  would notify slack {Shown}: Drop: 1 segment fired\n    channel=phone: 10 (was 50, change -40; p = 0.0002, 95% interval -60.93 .. -19.07)\n", dry.Out);
        Assert.DoesNotContain("XXXXtoken", dry.Out + dry.Err);
        // Nothing sent and no state written: a second dry run would send the same.
        Assert.Empty(_slack.Requests);
        Assert.Equal(dry.Out, Cxr("--dry-run").Out);

        var check = Cxr();
        Assert.True(check.Exit == 0, check.Err);
        Assert.Contains("  FIRED", check.Out);
        Assert.Contains($"  notified slack {Shown}: delivered\n", check.Out);
        Assert.DoesNotContain("XXXXtoken", check.Out + check.Err);
        Assert.Single(_slack.Requests);

        // Still firing: the next check and dry run have nothing to say.
        Assert.Contains("  no segment changed state: nothing sent\n", Cxr().Out);
        Assert.Contains("  would send nothing: no segment changed state\n", Cxr("drop", "--dry-run").Out);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public void Beside_a_running_server_the_check_goes_through_it_and_notifies_with_a_link_to_the_servers_public_address()
    {
        using var server = ServeProcess.Start(Path.Combine(_root, "reports"), Path.Combine(_root, "data"),
            new Dictionary<string, string> { ["CXR_PUBLIC_URL"] = "https://cx.example.com/" });

        var check = CxrProcess.Run(_root, "alert", "check", "drop", "--reports", "reports", "--data", "data");

        Assert.True(check.Exit == 0, check.Err);
        Assert.Contains("cxr: through the server at", check.Err);
        Assert.Contains($"  notified slack {Shown}: delivered\n", check.Text);
        var blocks = System.Text.Json.JsonDocument.Parse(Assert.Single(_slack.Requests).Body).RootElement.GetProperty("blocks");
        var context = blocks.EnumerateArray().Last().GetProperty("elements").EnumerateArray().Last();
        Assert.Equal("<https://cx.example.com/alerts#alert-drop|Open in CxReports>", context.GetProperty("text").GetString());
    }
}
