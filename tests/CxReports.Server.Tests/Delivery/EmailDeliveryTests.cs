using CxReports.Dsl.Model;
using CxReports.Engine.Scheduling;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;

namespace CxReports.Server.Tests.Delivery;

public sealed class EmailDeliveryTests : IDisposable
{
    private readonly DeliveryFixture _fixture = new();
    private readonly SmtpServer _smtp;

    public EmailDeliveryTests() => _smtp = new SmtpServer(_fixture.Directory);

    public void Dispose()
    {
        _smtp.Dispose();
        _fixture.Dispose();
    }

    private EmailChannel Channel() => new(new DeliveryOptions
    {
        SmtpHost = "127.0.0.1", SmtpPort = _smtp.Port, SmtpSecurity = SmtpSecurity.None, SmtpFrom = "reports@example.com",
    });

    private static ReportModel Report() =>
        DeliveryFixture.Report(DeliveryKind.Email, "ceo@example.com", [DeliveryFormat.Json, DeliveryFormat.Csv], subject: "CX weekly {period}");

    /// <summary>Starts the SMTP server after the first failed attempt: "SMTP down, then up".</summary>
    private sealed class StartsServerAfterFirstFailure(IDeliveryChannel inner, SmtpServer server) : IDeliveryChannel
    {
        private bool _started;
        public DeliveryKind Kind => inner.Kind;

        public async Task DeliverAsync(DeliveryContext context, CancellationToken cancellation)
        {
            try
            {
                await inner.DeliverAsync(context, cancellation);
            }
            finally
            {
                if (!_started) { server.Start(); _started = true; }
            }
        }
    }

    [Fact]
    public async Task The_email_arrives_with_the_subject_the_headline_kpis_and_the_documents_attached()
    {
        _smtp.Start();
        var outcome = await _fixture.Runner(Channel()).RunAsync(Report(), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        var message = Assert.Single(_smtp.Messages());
        Assert.Equal("CX weekly 2026-02-23 – 2026-03-01", message.Subject);
        Assert.Equal("ceo@example.com", message.To.Mailboxes.Single().Address);
        // Worded as the PDF tiles: an unlabelled score by its name, +3.5 and no relative change (a score's says nothing);
        // a labelled percent with its unit, changing by −0.86 percentage points.
        Assert.Contains("nps: 41.5 (▲ +3.5; previous period: 38.0)", message.TextBody);
        Assert.Contains("Aylık müşteri kaybı %: 1.9% (▼ −0.9 pp; previous period: 2.7%)", message.TextBody);
        Assert.Contains("Period: Feb 23, 2026 – Mar 1, 2026", message.TextBody);
        Assert.Contains("The full report is attached.", message.TextBody);
        var attachments = message.Attachments.OfType<MimeKit.MimePart>().ToDictionary(a => a.FileName ?? "");
        Assert.Equal(["cx_weekly_2026-03-02_kpi_1.csv", "cx_weekly_2026-03-02.json"], attachments.Keys.Order());
        using var json = new MemoryStream();
        attachments["cx_weekly_2026-03-02.json"].Content!.DecodeTo(json);
        Assert.Contains("\"title\": \"CX Weekly\"", System.Text.Encoding.UTF8.GetString(json.ToArray()));
    }

    [Fact]
    public async Task When_the_period_runs_past_the_data_the_email_says_where_the_data_ends_and_that_the_figures_stop_there()
    {
        _smtp.Start();
        // The week runs to 1 March; the churn events end on 26 February, the survey answers on the 27th.
        var evaluated = DeliveryFixture.Evaluated() with
        {
            Freshness = new Engine.Reports.ReportFreshness(
                new Dictionary<string, DateOnly> { ["churns"] = new(2026, 2, 26), ["responses"] = new(2026, 2, 27) }, new DateOnly(2026, 2, 26)),
        };
        await _fixture.Runner(Channel(), evaluated: evaluated).RunAsync(Report(), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        var message = Assert.Single(_smtp.Messages());
        const string past = "The period runs past the data: it ends on Feb 26, 2026, so totals and KPIs are computed up to that day and later buckets show no data.";
        Assert.Contains("CX Weekly\nPeriod: Feb 23, 2026 – Mar 1, 2026\nData through Feb 26, 2026\n" + past + "\n", message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains($"<p>Data through Feb 26, 2026</p><p>{past}</p>", message.HtmlBody);
    }

    [Fact]
    public async Task When_the_data_covers_the_period_the_email_says_where_it_ends_and_nothing_more()
    {
        _smtp.Start();
        var evaluated = DeliveryFixture.Evaluated() with
        {
            Freshness = new Engine.Reports.ReportFreshness(new Dictionary<string, DateOnly> { ["responses"] = new(2026, 3, 1) }, null),
        };
        await _fixture.Runner(Channel(), evaluated: evaluated).RunAsync(Report(), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        var message = Assert.Single(_smtp.Messages());
        Assert.Contains("Data through Mar 1, 2026", message.TextBody);
        Assert.DoesNotContain("runs past the data", message.TextBody);
    }

    [Fact]
    public async Task Smtp_down_then_up_is_retried_and_exactly_one_email_arrives()
    {
        var outcome = await _fixture.Runner(new StartsServerAfterFirstFailure(Channel(), _smtp)).RunAsync(Report(), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        Assert.Equal(["sending", "retrying", "sending", "delivered"], outcome.Deliveries.Select(d => d.Status.ToText()));
        Assert.Contains("unreachable", outcome.Deliveries[1].Error);
        Assert.Single(_smtp.Messages());
    }

    [Fact]
    public async Task A_process_that_died_after_sending_but_before_recording_does_not_send_twice()
    {
        _smtp.Start();
        var report = Report();
        var key = DeliveryNames.IdempotencyKey(report.Name, DeliveryFixture.Slot, "email", "ceo@example.com");
        // What the dead process did: recorded "sending", sent the email, and never recorded the outcome.
        _fixture.Log.RecordDelivery(new DeliveryRecord("dead", report.Name, DeliveryFixture.Slot, "email", "ceo@example.com", 1, DeliveryStatus.Sending, null, DateTimeOffset.UtcNow, key));
        await Channel().DeliverAsync(new DeliveryContext(report, report.Schedule!.Deliveries[0], "ceo@example.com", DeliveryFixture.Slot,
            DeliveryFixture.Evaluated(), [], key, "CX weekly"), CancellationToken.None);

        var outcome = await _fixture.Runner(Channel()).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Single(_smtp.Messages());
        Assert.Equal("in_doubt", outcome.Deliveries.Single().Status.ToText());
        Assert.Equal($"{key}@cxreports", _smtp.Messages().Single().MessageId);
    }
}
