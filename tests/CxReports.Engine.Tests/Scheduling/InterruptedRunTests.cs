using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Engine.Tests.Scheduling;

/// <summary>
/// A run a stopped process left <c>running</c> is finished by the next scheduler, from the run log alone. The log rows
/// below are those a process killed mid-webhook leaves (the real kill is in the server tests' CrashResumeTests).
/// </summary>
public sealed class InterruptedRunTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-interrupted-").FullName;
    private readonly DuckDbWarehouse _warehouse;
    private readonly RunLog _log;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 5, 0, 30, TimeSpan.Zero));
    private static readonly DateTimeOffset Slot = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);
    private readonly List<DateTimeOffset> _evaluated = [];

    public InterruptedRunTests()
    {
        _warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_data));
        _log = new RunLog(_warehouse).EnsureCreated();
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private sealed class CountingChannel(DeliveryKind kind) : IDeliveryChannel
    {
        public List<string> Keys { get; } = [];
        public DeliveryKind Kind => kind;

        public Task DeliverAsync(DeliveryContext context, CancellationToken cancellation)
        {
            Keys.Add(context.IdempotencyKey);
            return Task.CompletedTask;
        }
    }

    private sealed class JsonFormatter : IReportFormatter
    {
        public string Format => "json";
        public string ContentType => "application/json";
        public byte[] Render(EvaluatedReport report) => "{}"u8.ToArray();
    }

    // Daily at 08:00 Istanbul = 05:00 UTC: folder, then email, then webhook.
    private static readonly ReportModel Daily = new("daily", "Daily", null, new RelativePeriodModel(PeriodAnchor.Previous, 1, Dsl.Model.TimeUnit.Day), null,
        TimeZoneInfo.Utc, System.Globalization.CultureInfo.GetCultureInfo("en-US"), [], [],
        new ScheduleModel("0 8 * * *", Cronos.CronExpression.Parse("0 8 * * *"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"), false,
        [
            new DeliveryModel(DeliveryKind.Folder, ["cx"], [DeliveryFormat.Json], null, null, default),
            new DeliveryModel(DeliveryKind.Email, ["ceo@example.com"], [DeliveryFormat.Json], null, null, default),
            new DeliveryModel(DeliveryKind.Webhook, ["https://hooks.example.com/cx"], [DeliveryFormat.Json], null, null, default),
        ], default), [], default);

    private static SemanticModel Model(params ReportModel[] reports) => new(
        new Dictionary<string, SourceModel>(), new Dictionary<string, MetricModel>(), new Dictionary<string, ScoreModel>(),
        new Dictionary<string, ScenarioModel>(), reports.ToDictionary(r => r.Name));

    private (Scheduler Scheduler, CountingChannel Folder, CountingChannel Email, CountingChannel Webhook) Restarted(SemanticModel model, IRunObserver? observer = null)
    {
        var channels = (Folder: new CountingChannel(DeliveryKind.Folder), Email: new CountingChannel(DeliveryKind.Email), Webhook: new CountingChannel(DeliveryKind.Webhook));
        var runner = new ReportRunner(_log, (report, slot) =>
        {
            _evaluated.Add(slot);
            return new EvaluatedReport(report.Name, report.Title, null, slot, default, default, null, "UTC", "en-US", new Dictionary<string, object?>(), "v", []);
        }, [new JsonFormatter()], [channels.Folder, channels.Email, channels.Webhook], _time, new RetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero), observer);
        return (new Scheduler(() => model, _log, runner, _time), channels.Folder, channels.Email, channels.Webhook);
    }

    private static string Key(string kind, string target) => DeliveryNames.IdempotencyKey("daily", Slot, kind, target);

    /// <summary>What a process killed while the webhook POST was in flight leaves in the run log.</summary>
    private void KilledMidWebhook()
    {
        _log.FirstSeen("daily", Slot.AddDays(-1));
        _log.StartRun(new RunRecord("run1", "daily", Slot, "schedule", Slot, null, RunStatus.Running, null));
        void Record(string kind, string target, string status) =>
            _log.RecordDelivery(new DeliveryRecord("run1", "daily", Slot, kind, target, 1, StatusText.Parse<DeliveryStatus>(status), null, Slot, Key(kind, target)));
        Record("folder", "cx", "sending");
        Record("folder", "cx", "delivered");
        Record("email", "ceo@example.com", "sending");
        Record("webhook", "https://hooks.example.com/cx", "sending");
    }

    [Fact]
    public async Task The_next_scheduler_finishes_the_run_delivering_only_what_is_missing_and_never_resending_the_email()
    {
        KilledMidWebhook();
        var (scheduler, folder, email, webhook) = Restarted(Model(Daily));

        var resumed = Assert.Single(await scheduler.ResumeInterruptedAsync(CancellationToken.None));
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Equal("run1", resumed.RunId);
        Assert.Empty(folder.Keys);
        Assert.Empty(email.Keys);
        Assert.Equal([Key("webhook", "https://hooks.example.com/cx")], webhook.Keys);
        var run = Assert.Single(_log.RecentRuns("daily"));
        Assert.Equal(("partial", "not delivered: email ceo@example.com in_doubt"), (run.Status.ToText(), run.Error));
        Assert.NotNull(run.Finished);
        Assert.Equal([Slot], _evaluated);
        var finals = _log.DeliveriesOf("run1").GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => (Status: g.Last().Status.ToText(), g.Last().Attempt));
        Assert.Equal(("delivered", 1), finals["folder"]);
        Assert.Equal(("in_doubt", 0), finals["email"]);
        Assert.Equal(("delivered", 2), finals["webhook"]);
    }

    [Fact]
    public async Task A_resumed_run_is_resumed_once_even_when_the_scheduler_looks_again()
    {
        KilledMidWebhook();
        var (scheduler, _, email, webhook) = Restarted(Model(Daily));

        await scheduler.ResumeInterruptedAsync(CancellationToken.None);
        Assert.Empty(await scheduler.ResumeInterruptedAsync(CancellationToken.None));
        Assert.Empty(await Restarted(Model(Daily)).Scheduler.ResumeInterruptedAsync(CancellationToken.None));

        Assert.Single(webhook.Keys);
        Assert.Empty(email.Keys);
        Assert.Single(_log.DeliveriesOf("run1"), d => d.Status.ToText() == "in_doubt");
    }

    [Fact]
    public async Task An_interrupted_run_of_a_report_no_longer_in_the_model_ends_failed_and_its_cut_off_email_is_in_doubt()
    {
        KilledMidWebhook();
        var (scheduler, _, email, webhook) = Restarted(Model());

        var resumed = Assert.Single(await scheduler.ResumeInterruptedAsync(CancellationToken.None));

        Assert.Equal(("failed", "interrupted, and cannot be resumed: report 'daily' is no longer in the model"), (resumed.Status.ToText(), resumed.Error));
        Assert.Equal("failed", _log.RunStatus("run1")?.ToText());
        Assert.Equal("in_doubt", _log.DeliveryState(Key("email", "ceo@example.com"))?.ToText());
        Assert.Empty(webhook.Keys);
        Assert.Empty(email.Keys);
    }

    [Fact]
    public async Task Without_a_model_yet_the_interrupted_run_waits_instead_of_failing()
    {
        KilledMidWebhook();
        var (_, _, _, webhook) = Restarted(Model(Daily));
        var runner = new ReportRunner(_log, (_, _) => throw new InvalidOperationException("not evaluated"), [], [], _time);

        Assert.Empty(await new Scheduler(() => null, _log, runner, _time).ResumeInterruptedAsync(CancellationToken.None));

        Assert.Equal("running", _log.RunStatus("run1")?.ToText());
        Assert.Empty(webhook.Keys);
    }

    /// <summary>Writes down what it is told, in order.</summary>
    private sealed class Watching : IRunObserver
    {
        public List<string> Heard { get; } = [];

        public IDisposable? Starting(string runId, string report, string trigger)
        {
            Heard.Add($"start {runId} {report} {trigger}");
            return new Ending(() => Heard.Add($"done {runId}"));
        }

        public void Finished(string report, RunOutcome outcome) => Heard.Add($"finished {outcome.RunId} {report} {outcome.Status.ToText()}");

        private sealed class Ending(Action ended) : IDisposable
        {
            public void Dispose() => ended();
        }
    }

    [Fact]
    public async Task The_observer_hears_a_resumed_run_start_finish_and_end_under_its_own_id()
    {
        KilledMidWebhook();
        var observer = new Watching();
        var (scheduler, _, _, _) = Restarted(Model(Daily), observer);

        await scheduler.ResumeInterruptedAsync(CancellationToken.None);

        Assert.Equal(["start run1 daily resume", "finished run1 daily partial", "done run1"], observer.Heard);
    }
}
