using CxReports.Server.Cli;
using CxReports.Server.Tests.Delivery;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr alert check</c> while a run of the same alert is unfinished in the run log. A real <c>cxr serve</c> checks the
/// alert every 5 seconds; its Slack receiver holds the first POST open, so the server's run is in flight: recorded
/// sending, its new states not yet saved. A check forwarded to that server is refused (the states it would judge
/// against are the old ones, and it would tell the same change again); with the server killed, a check in process first
/// finishes the run it left, with its keys, and then has nothing new to say. The data are <see cref="AlertFixture"/>'s,
/// January and February being the month before last and last month: phone drops 40, the one segment that fires.
/// </summary>
public sealed class AlertCheckRaceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-cli-alert-race-").FullName;
    private readonly HoldingWebhookReceiver _slack = new(hold: 1);
    private readonly WebhookReceiver _teams = new();

    private string Reports => Path.Combine(_root, "reports");
    private string Data => Path.Combine(_root, "data");

    public AlertCheckRaceTests()
    {
        // Slack first, so the held POST stops the server's run before Teams.
        AlertFixture.WriteProject(_root, AlertFixture.CheckedEvery5Seconds("race", "Race", $"slack \"{_slack.Url}\", teams \"{_teams.Url}\""));
    }

    public void Dispose()
    {
        _teams.Dispose();
        _slack.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A server whose scheduled check of the alert is sending now: its Slack POST is held open.</summary>
    private ServeProcess ServerMidSend()
    {
        var server = ServeProcess.Start(Reports, Data, new Dictionary<string, string>());
        ServeProcess.WaitUntil(() => _slack.Keys.Count == 1, "the Slack POST of the server's scheduled check");
        // A manual check's slot is the second it starts in (the child process's clock, which no test clock reaches):
        // one started in the second of the server's slot would share its keys (a double submit, sent once) and hide
        // the second message this is about. The slot is at or before the second the POST was seen in.
        var seen = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        ServeProcess.WaitUntil(() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() > seen, "a second after the server's slot");
        return server;
    }

    [Fact]
    public void A_check_forwarded_while_the_servers_check_of_the_alert_is_sending_is_refused_and_nothing_is_sent_twice()
    {
        using var server = ServerMidSend();

        var check = CxrProcess.Run(_root, "alert", "check", "race", "--reports", "reports", "--data", "data");

        // The receivers see the server's one message, and nothing from the check.
        Assert.Single(_slack.Keys);
        Assert.Empty(_teams.Requests);
        Assert.Equal(ExitCodes.Busy, check.Exit);
        Assert.Contains("cxr: through the server at", check.Err);
        Assert.Contains("cxr alert check: race: the server is checking this alert now (its run for ", check.Err);
        Assert.Contains("nothing was evaluated or sent, so no notice goes out twice: run the check again when that run has finished", check.Err);
        Assert.DoesNotContain("notified", check.Text);
    }

    [Fact]
    public void A_check_in_process_first_finishes_the_run_a_killed_server_left_then_has_nothing_new_to_say()
    {
        using (var server = ServerMidSend()) server.Kill();

        var (exit, stdout, stderr) = CliRunner.Run(_root, "alert", "check", "race", "--reports", "reports", "--data", "data");

        // The left run is finished with its own keys: Slack, cut off mid-send, is in doubt (not resent); Teams is told
        // once. It saved the states, so the check after it finds phone still firing: nothing to send.
        Assert.Single(_slack.Keys);
        Assert.Single(_teams.Requests);
        var lines = stdout.Split('\n');
        var resumed = Array.FindIndex(lines, l => l.StartsWith("race: finishing its run for ", StringComparison.Ordinal));
        Assert.True(resumed >= 0, stdout + stderr);
        Assert.EndsWith(", left unfinished by a process that stopped or a check that failed partway", lines[resumed]);
        Assert.Contains(lines.Skip(resumed), l => l.StartsWith("  notified slack ", StringComparison.Ordinal) && l.Contains(": in_doubt ("));
        Assert.Contains(lines.Skip(resumed), l => l == $"  notified teams {_teams.Url}: delivered");
        Assert.Equal("  no segment changed state: nothing sent", lines.Last(l => l.Length > 0));
        // Slack in doubt: the check says not every target was delivered.
        Assert.Equal(ExitCodes.Errors, exit);
    }
}
