using System.Text;
using System.Text.Json;
using CxReports.Engine.Scheduling;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// Alerts checked by the scheduler on a fake clock and sent through the real channels: real HTTP receivers on 127.0.0.1
/// standing in for Slack, Teams and the signed webhook, and the real SMTP server. The numbers come from the answers in
/// <see cref="AlertFixture"/>, worked out by hand below.
/// </summary>
public sealed class AlertNotifyTests : IDisposable
{
    private const string Secret = "alert-secret";
    private readonly string _mail = Directory.CreateTempSubdirectory("cxr-alert-mail-").FullName;
    private readonly SmtpServer _smtp;
    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _disposables = [];

    public AlertNotifyTests() => _smtp = new SmtpServer(_mail).Start();

    public void Dispose()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables)) disposable.Dispose();
        _http.Dispose();
        _smtp.Dispose();
        Directory.Delete(_mail, recursive: true);
    }

    private T Kept<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private DeliveryOptions Options(TimeSpan? timeout = null) => new()
    {
        SmtpHost = "127.0.0.1", SmtpPort = _smtp.Port, SmtpSecurity = SmtpSecurity.None, SmtpFrom = "alerts@example.com",
        WebhookSecret = Secret, WebhookTimeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    /// <summary>An alert on the 1st of each month at 09:00 UTC with the body lines given and the targets given.</summary>
    private static string Alert(string name, string when, string notify, string guards = "min responses_n 30") => $$"""
        alert {{name}} "{{name.Replace('_', ' ').ToUpperInvariant()}}" {
          when {{when}}
          {{guards}}
          check "0 9 1 * *" timezone "UTC"
          notify {{notify}}
        }
        """;

    /// <summary>A fixture whose scheduler has first seen the alert on February 15th.</summary>
    private (AlertFixture Fixture, Scheduler Scheduler, AlertRunner Runner) Given(string alerts, DeliveryOptions? options = null, int attempts = 3)
    {
        var fixture = Kept(new AlertFixture(alerts));
        var runner = fixture.Runner(options ?? Options(), _http, attempts);
        var scheduler = fixture.Scheduler(runner);
        scheduler.RunDueAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (fixture, scheduler, runner);
    }

    private static JsonElement Json(byte[] body) => JsonDocument.Parse(body).RootElement;

    private static string[] Segments(JsonElement webhook) =>
        webhook.GetProperty("segments").EnumerateArray().Select(s => $"{s.GetProperty("segment").GetString()} {s.GetProperty("state").GetString()}").ToArray();

    private static RunRecord OnlyRun(AlertFixture fixture, string alert, DateTimeOffset slot) =>
        Assert.Single(fixture.Log.RecentRuns(AlertRunner.RunName(alert)), r => r.ScheduledFor == slot);

    private static Dictionary<string, DeliveryRecord> Finals(AlertFixture fixture, RunRecord run) =>
        fixture.Log.DeliveriesOf(run.RunId).GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Last());

    // phone, February against January: 50 -> 10, change -40. Variances 0.6 + 0.1 - 0.5² = 0.45 and 0.4 + 0.3 - 0.1² = 0.69;
    // SE = 100·sqrt(0.45/100 + 0.69/100) = 10.677078; z = -3.746343, p = 0.000179 (shown 0.0002); the 95% interval is
    // -40 ± 1.959964·10.677078 = -40 ± 20.926757: -60.93 .. -19.07.
    private const string PhoneDrop = "channel=phone: 10 (was 50, change -40; p = 0.0002, 95% interval -60.93 .. -19.07)";
    private const string Periods = "2025-02-01 .. 2025-02-28 vs 2025-01-01 .. 2025-01-31";
    private const string WebNotJudged = "Not judged, fewer than 30 responses_n: channel=web";

    [Fact]
    public async Task A_significant_drop_reaches_slack_teams_email_and_the_webhook_once_each_in_their_documented_shapes()
    {
        var slack = Kept(new WebhookReceiver());
        var teams = Kept(new WebhookReceiver());
        var webhook = Kept(new WebhookReceiver());
        var (fixture, scheduler, _) = Given(Alert("nps_drop", "nps by channel drops 5 points vs previous period",
            $"slack \"{slack.Url}\", teams \"{teams.Url}\", email \"cx@example.com\", webhook \"{webhook.Url}\"", "min responses_n 30\n  significance 95%"));

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(3));

        // Slack: Block Kit, a header, a section per segment (mrkdwn), a context with the periods and the minimum note.
        var blocks = Json(Assert.Single(slack.Requests).Body);
        Assert.Equal("NPS DROP: 1 segment fired", blocks.GetProperty("text").GetString());
        var kinds = blocks.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).ToArray();
        Assert.Equal(["header", "section", "context"], kinds);
        var header = blocks.GetProperty("blocks")[0].GetProperty("text");
        Assert.Equal(("plain_text", "NPS DROP: 1 segment fired"), (header.GetProperty("type").GetString(), header.GetProperty("text").GetString()));
        var section = blocks.GetProperty("blocks")[1].GetProperty("text");
        Assert.Equal(("mrkdwn", PhoneDrop), (section.GetProperty("type").GetString(), section.GetProperty("text").GetString()));
        var context = blocks.GetProperty("blocks")[2].GetProperty("elements").EnumerateArray().Select(e => (e.GetProperty("type").GetString(), e.GetProperty("text").GetString()));
        Assert.Equal([("mrkdwn", Periods), ("mrkdwn", WebNotJudged)], context);

        // Teams: a message whose one attachment is an Adaptive Card, with the title, periods, a fact per segment and the note.
        var message = Json(Assert.Single(teams.Requests).Body);
        Assert.Equal("message", message.GetProperty("type").GetString());
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(("AdaptiveCard", "1.4"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        var body = card.GetProperty("body").EnumerateArray().ToArray();
        Assert.Equal(["TextBlock", "TextBlock", "FactSet", "TextBlock"], body.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(["NPS DROP: 1 segment fired", Periods], body.Take(2).Select(b => b.GetProperty("text").GetString()));
        var fact = Assert.Single(body[2].GetProperty("facts").EnumerateArray());
        Assert.Equal(("channel=phone", PhoneDrop["channel=phone: ".Length..]), (fact.GetProperty("title").GetString(), fact.GetProperty("value").GetString()));
        Assert.Equal(WebNotJudged, body[3].GetProperty("text").GetString());

        // Email: the title as subject, the periods, a line per segment and the note.
        var email = Assert.Single(_smtp.Messages());
        Assert.Equal("NPS DROP: 1 segment fired", email.Subject);
        Assert.Equal("cx@example.com", email.To.Mailboxes.Single().Address);
        Assert.Equal($"{Periods}\n\n- {PhoneDrop}\n\n{WebNotJudged}\n", email.TextBody!.ReplaceLineEndings("\n"));

        // The webhook: signed, with its Idempotency-Key, the raw numbers as JSON.
        var (raw, signature, timestamp, key, _) = Assert.Single(webhook.Requests);
        Assert.True(WebhookSignature.Verify(Secret, long.Parse(timestamp!, System.Globalization.CultureInfo.InvariantCulture), raw, signature!));
        Assert.Equal(Finals(fixture, OnlyRun(fixture, "nps_drop", AlertFixture.Slot(3)))["webhook"].IdempotencyKey, key);
        var json = Json(raw);
        Assert.Equal("nps_drop", json.GetProperty("alert").GetString());
        var phone = Assert.Single(json.GetProperty("segments").EnumerateArray());
        Assert.Equal(("channel=phone", "fired"), (phone.GetProperty("segment").GetString(), phone.GetProperty("state").GetString()));
        Assert.Equal((10.0, 50.0, -40.0), (phone.GetProperty("value").GetDouble(), phone.GetProperty("previous").GetDouble(), phone.GetProperty("change").GetDouble()), new Close(1e-9));
        Assert.Equal(0.000179431, phone.GetProperty("pValue").GetDouble(), 6);

        // One run of the alert for the slot, every target delivered on its first attempt.
        var run = OnlyRun(fixture, "nps_drop", AlertFixture.Slot(3));
        Assert.Equal(("schedule", RunStatus.Delivered), (run.Trigger, run.Status));
        Assert.All(Finals(fixture, run).Values, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempt)));
        Assert.Equal(["email", "slack", "teams", "webhook"], Finals(fixture, run).Keys.Order());
    }

    [Fact]
    public async Task Only_the_segment_that_moved_is_notified_the_minimum_and_the_significance_test_hold_back_the_rest()
    {
        var webhook = Kept(new WebhookReceiver());
        var (fixture, scheduler, _) = Given(Alert("nps_drop", "nps by channel drops 5 points vs previous period",
            $"webhook \"{webhook.Url}\"", "min responses_n 30\n  significance 95%"));

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(3));

        // February against January: phone drops 40 (significant, above); web drops 50 on 4 answers (under the min of
        // 30); email drops 15 on 40 answers a month: variances 0.5 + 0.25 - 0.25² = 0.6875 and 0.4 + 0.3 - 0.1² = 0.69,
        // SE = 100·sqrt(0.6875/40 + 0.69/40) = 18.557, z = -0.808, p = 0.42: noise; chat does not move.
        var json = Json(Assert.Single(webhook.Requests).Body);
        Assert.Equal(["channel=phone fired"], Segments(json));
        Assert.Equal(WebNotJudged, json.GetProperty("minimumNote").GetString());
        var states = fixture.States.Of("nps_drop");
        Assert.Equal(["channel=chat", "channel=phone"], states.Keys.Order());
        Assert.True(states["channel=phone"].Firing);
        Assert.False(states["channel=chat"].Firing);
    }

    [Fact]
    public async Task A_firing_segment_is_not_sent_again_and_its_return_to_normal_is_sent_once()
    {
        var webhook = Kept(new WebhookReceiver());
        var slack = Kept(new WebhookReceiver());
        var (fixture, scheduler, _) = Given(Alert("nps_drop", "nps by channel drops 5 points vs previous period",
            $"webhook \"{webhook.Url}\", slack \"{slack.Url}\"", "min responses_n 30\n  significance 95%"));

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(3));
        // March against February: phone drops again, 10 -> -30 (variances 0.69 and 0.2 + 0.5 - 0.3² = 0.61, SE 11.40,
        // z = -3.51, significant): still firing, so nothing is sent; the run is an evaluation with no delivery.
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(4));
        Assert.Single(webhook.Requests);
        Assert.Single(slack.Requests);
        var quiet = OnlyRun(fixture, "nps_drop", AlertFixture.Slot(4));
        Assert.Equal(RunStatus.Evaluated, quiet.Status);
        Assert.Empty(fixture.Log.DeliveriesOf(quiet.RunId));

        // April against March: phone rises from -30 to 50, so it no longer drops: back to normal, told once.
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(5));
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(5).AddHours(1));
        Assert.Equal(2, webhook.Requests.Count);
        Assert.Equal(["channel=phone back_to_normal"], Segments(Json(webhook.Requests[1].Body)));
        var recovered = Json(slack.Requests[1].Body).GetProperty("blocks");
        Assert.Equal("NPS DROP: 1 segment back to normal", recovered[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("channel=phone back to normal: 50 (was -30, change +80)", recovered[1].GetProperty("text").GetProperty("text").GetString());
        Assert.False(fixture.States.Of("nps_drop")["channel=phone"].Firing);
        Assert.Equal(RunStatus.Delivered, OnlyRun(fixture, "nps_drop", AlertFixture.Slot(5)).Status);
    }

    [Fact]
    public async Task A_rise_fires_and_after_downtime_only_the_latest_missed_check_runs()
    {
        var webhook = Kept(new WebhookReceiver());
        var (fixture, scheduler, _) = Given(Alert("nps_rise", "nps by channel rises 30 points vs previous period", $"webhook \"{webhook.Url}\""));

        // Down from February 15th to May 2nd: the checks of March, April and May were missed; only May's runs.
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(5).AddDays(1));

        // April against March: phone -30 -> 50, +80 (>= 30); web +50 on 4 answers is not judged; email and chat stay at 10.
        var json = Json(Assert.Single(webhook.Requests).Body);
        Assert.Equal(["channel=phone fired"], Segments(json));
        var phone = json.GetProperty("segments")[0];
        Assert.Equal((50.0, -30.0, 80.0), (phone.GetProperty("value").GetDouble(), phone.GetProperty("previous").GetDouble(), phone.GetProperty("change").GetDouble()), new Close(1e-9));
        Assert.Equal([AlertFixture.Slot(5)], fixture.Log.RecentRuns(AlertRunner.RunName("nps_rise")).Select(r => r.ScheduledFor));
    }

    [Fact]
    public async Task A_threshold_fires_for_the_segment_past_the_line()
    {
        var webhook = Kept(new WebhookReceiver());
        var (fixture, scheduler, _) = Given(Alert("nps_negative", "nps by channel < 0", $"webhook \"{webhook.Url}\""));

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(3));   // February: phone 10, web 0 (4 answers), email 10, chat 10
        Assert.Empty(webhook.Requests);
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(4));   // March: phone 100·(20 - 50)/100 = -30

        var json = Json(Assert.Single(webhook.Requests).Body);
        Assert.Equal(["channel=phone fired"], Segments(json));
        Assert.Equal(-30.0, json.GetProperty("segments")[0].GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public async Task A_500_is_retried_and_delivered_once_and_a_4xx_from_teams_is_not_retried()
    {
        var slack = Kept(new WebhookReceiver(500));
        var teams = Kept(new WebhookReceiver(404));
        var (fixture, scheduler, _) = Given(Alert("nps_negative", "nps by channel < 0", $"slack \"{slack.Url}\", teams \"{teams.Url}\""));

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(4));

        Assert.Equal([500, 200], slack.Requests.Select(r => r.Answered));
        Assert.Equal(slack.Requests[0].Body, slack.Requests[1].Body);
        Assert.Equal([404], teams.Requests.Select(r => r.Answered));
        var run = OnlyRun(fixture, "nps_negative", AlertFixture.Slot(4));
        var finals = Finals(fixture, run);
        Assert.Equal((DeliveryStatus.Delivered, 2), (finals["slack"].Status, finals["slack"].Attempt));
        Assert.Equal((DeliveryStatus.Failed, 1), (finals["teams"].Status, finals["teams"].Attempt));
        Assert.Equal($"POST {teams.Url} answered 404 Not Found", finals["teams"].Error);
        Assert.Equal((RunStatus.Partial, $"not delivered: teams {teams.Url} failed"), (run.Status, run.Error));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out_and_each_attempt_carries_the_same_key()
    {
        var hanging = Kept(new HoldingWebhookReceiver(hold: 2));
        var (fixture, scheduler, _) = Given(Alert("nps_negative", "nps by channel < 0", $"webhook \"{hanging.Url}\""),
            Options(TimeSpan.FromSeconds(1)), attempts: 2);

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(4));

        var webhook = Finals(fixture, OnlyRun(fixture, "nps_negative", AlertFixture.Slot(4)))["webhook"];
        Assert.Equal((DeliveryStatus.Failed, 2), (webhook.Status, webhook.Attempt));
        Assert.Equal($"POST {hanging.Url} timed out after 1 s", webhook.Error);
        Assert.Equal(2, hanging.Keys.Count);
        Assert.Equal(webhook.IdempotencyKey, hanging.Keys[0]);
        Assert.Equal(hanging.Keys[0], hanging.Keys[1]);
    }

    [Fact]
    public async Task An_alert_added_by_a_reload_starts_with_its_next_check_and_one_removed_is_no_longer_checked()
    {
        var webhook = Kept(new WebhookReceiver());
        var fixture = Kept(new AlertFixture(Alert("nps_negative", "nps by channel < 0", $"webhook \"{webhook.Url}\"")));
        var without = fixture.Semantic with { Alerts = new Dictionary<string, Dsl.Model.AlertModel>() };
        var current = without;
        var scheduler = fixture.Scheduler(fixture.Runner(Options(), _http), () => current);

        await fixture.RunDueAt(scheduler, AlertFixture.Slot(3));
        current = fixture.Semantic;                                         // added on March 20th: March 1st is not replayed
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(3).AddDays(19));
        Assert.Empty(fixture.Log.RecentRuns(AlertRunner.RunName("nps_negative")));
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(4));           // April 1st: March's phone at -30 fires
        Assert.Single(webhook.Requests);
        current = without;                                                  // removed: May 1st is not checked
        await fixture.RunDueAt(scheduler, AlertFixture.Slot(5));

        Assert.Equal([AlertFixture.Slot(4)], fixture.Log.RecentRuns(AlertRunner.RunName("nps_negative")).Select(r => r.ScheduledFor));
        Assert.Single(webhook.Requests);
    }

    /// <summary>Equal within a tolerance, for triples of doubles worked out by hand.</summary>
    private sealed class Close(double tolerance) : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance && Math.Abs(x.Item3 - y.Item3) <= tolerance;

        public int GetHashCode((double, double, double) obj) => 0;
    }
}
