using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Engine.Tests.Scheduling;

public sealed class ReportRunnerTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-runner-").FullName;
    private readonly DuckDbWarehouse _warehouse;
    private readonly RunLog _log;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset Slot = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    public ReportRunnerTests()
    {
        _warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_data));
        _log = new RunLog(_warehouse).EnsureCreated();
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Stands in for a channel so the runner's bookkeeping can be checked; real channels have their own tests.</summary>
    private sealed class ScriptedChannel(DeliveryKind kind, params Exception?[] outcomes) : IDeliveryChannel
    {
        public List<DeliveryContext> Calls { get; } = [];
        public DeliveryKind Kind => kind;

        public Task DeliverAsync(DeliveryContext context, CancellationToken cancellation)
        {
            Calls.Add(context);
            var outcome = outcomes.ElementAtOrDefault(Calls.Count - 1);
            return outcome is null ? Task.CompletedTask : Task.FromException(outcome);
        }
    }

    private sealed class TextFormatter : IReportFormatter
    {
        public string Format => "json";
        public string ContentType => "application/json";
        public byte[] Render(EvaluatedReport report) => System.Text.Encoding.UTF8.GetBytes(report.Report);
    }

    private static ReportModel Report(DeliveryKind kind, bool skipWhenEmpty = false) => new(
        "weekly", "Weekly", null, new FixedPeriodModel(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), null, TimeZoneInfo.Utc, System.Globalization.CultureInfo.GetCultureInfo("en-US"), [], [],
        new ScheduleModel("0 8 * * MON", Cronos.CronExpression.Parse("0 8 * * MON"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"), skipWhenEmpty,
            [new DeliveryModel(kind, ["target-1"], [DeliveryFormat.Json], null, null, default)], default), [], default);

    private static EvaluatedReport Evaluated(params object?[] values) => new("weekly", "Weekly", null, DateTimeOffset.UnixEpoch,
        new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), null, "UTC", "en-US", new Dictionary<string, object?>(), "v1",
        [new EvaluatedSection("s", [new EvaluatedBlock("t", "table", null,
            new ResultTable([new ResultColumn("k", ColumnType.Text), new ResultColumn("v", ColumnType.Number)], values.Select(v => new[] { "x", v }).ToArray()))])]);

    private ReportRunner Runner(IDeliveryChannel channel, EvaluatedReport? evaluated = null) => new(_log,
        (_, _) => evaluated ?? Evaluated(1.0), [new TextFormatter()], [channel], _time, new RetryPolicy(3, TimeSpan.Zero, TimeSpan.Zero));

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_target_receives_exactly_one_delivery()
    {
        var channel = new ScriptedChannel(DeliveryKind.Webhook, new DeliveryException("HTTP 503", transient: true), null);
        var outcome = await Runner(channel).RunAsync(Report(DeliveryKind.Webhook), Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        Assert.Equal(2, channel.Calls.Count);
        Assert.Equal(["sending", "retrying", "sending", "delivered"], outcome.Deliveries.Select(d => d.Status.ToText()));
        Assert.Equal("weekly_2026-03-02.json", channel.Calls[0].Documents.Single().FileName);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried_and_the_run_log_says_so()
    {
        var channel = new ScriptedChannel(DeliveryKind.Webhook, new DeliveryException("HTTP 404", transient: false));
        var outcome = await Runner(channel).RunAsync(Report(DeliveryKind.Webhook), Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        Assert.Single(channel.Calls);
        Assert.Equal("HTTP 404", outcome.Deliveries.Last().Error);
        Assert.Equal("failed", _log.RecentRuns("weekly").Single().Status.ToText());
    }

    [Fact]
    public async Task Running_a_slot_again_does_not_deliver_it_twice()
    {
        var channel = new ScriptedChannel(DeliveryKind.Folder);
        await Runner(channel).RunAsync(Report(DeliveryKind.Folder), Slot, "schedule", CancellationToken.None);
        var again = await Runner(channel).RunAsync(Report(DeliveryKind.Folder), Slot, "schedule", CancellationToken.None);

        Assert.Single(channel.Calls);
        Assert.Equal("already_delivered", again.Deliveries.Single().Status.ToText());
    }

    [Fact]
    public async Task A_manual_run_in_the_minute_of_a_delivered_scheduled_slot_is_delivered_for_its_own_second()
    {
        var channel = new ScriptedChannel(DeliveryKind.Folder);
        var scheduled = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        await Runner(channel).RunAsync(Report(DeliveryKind.Folder), scheduled, "schedule", CancellationToken.None);
        _time.SetUtcNow(scheduled.AddSeconds(40).AddTicks(1234567)); // 08:00:40.1234567

        var manual = await Runner(channel).RunNowAsync(Report(DeliveryKind.Folder), CancellationToken.None);

        Assert.Equal(2, channel.Calls.Count);
        Assert.Equal(RunStatus.Delivered, manual.Status);
        var run = _log.RecentRuns("weekly").Single(r => r.RunId == manual.RunId);
        Assert.Equal(("manual", new DateTimeOffset(2026, 3, 2, 8, 0, 40, TimeSpan.Zero)), (run.Trigger, run.ScheduledFor));
    }

    [Fact]
    public async Task A_manual_run_repeated_within_the_same_second_is_delivered_once()
    {
        var channel = new ScriptedChannel(DeliveryKind.Folder);
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 0, 41, 100, TimeSpan.Zero));
        var runner = Runner(channel);
        await runner.RunNowAsync(Report(DeliveryKind.Folder), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(800));

        var again = await runner.RunNowAsync(Report(DeliveryKind.Folder), CancellationToken.None);

        Assert.Single(channel.Calls);
        Assert.Equal(DeliveryStatus.AlreadyDelivered, again.Deliveries.Single().Status);
    }

    [Fact]
    public async Task An_email_interrupted_before_its_outcome_was_recorded_is_marked_in_doubt_and_not_resent()
    {
        var key = DeliveryNames.IdempotencyKey("weekly", Slot, "email", "target-1");
        _log.RecordDelivery(new DeliveryRecord("crashed", "weekly", Slot, "email", "target-1", 1, DeliveryStatus.Sending, null, _time.GetUtcNow(), key));
        var channel = new ScriptedChannel(DeliveryKind.Email);

        var outcome = await Runner(channel).RunAsync(Report(DeliveryKind.Email), Slot, "schedule", CancellationToken.None);

        Assert.Empty(channel.Calls);
        Assert.Equal("in_doubt", outcome.Deliveries.Single().Status.ToText());
    }

    [Fact]
    public async Task A_folder_delivery_interrupted_before_its_outcome_was_recorded_is_written_again()
    {
        var key = DeliveryNames.IdempotencyKey("weekly", Slot, "folder", "target-1");
        _log.RecordDelivery(new DeliveryRecord("crashed", "weekly", Slot, "folder", "target-1", 1, DeliveryStatus.Sending, null, _time.GetUtcNow(), key));
        var channel = new ScriptedChannel(DeliveryKind.Folder);

        var outcome = await Runner(channel).RunAsync(Report(DeliveryKind.Folder), Slot, "schedule", CancellationToken.None);

        Assert.Single(channel.Calls);
        Assert.Equal("delivered", outcome.Status.ToText());
    }

    [Fact]
    public async Task Skip_when_empty_sends_nothing_for_a_period_without_data()
    {
        var channel = new ScriptedChannel(DeliveryKind.Email);
        var outcome = await Runner(channel, Evaluated(null, 0L)).RunAsync(Report(DeliveryKind.Email, skipWhenEmpty: true), Slot, "schedule", CancellationToken.None);

        Assert.Equal("skipped", outcome.Status.ToText());
        Assert.Empty(channel.Calls);
    }

    [Fact]
    public async Task Backoff_doubles_from_its_base_and_stops_at_its_cap()
    {
        var policy = new RetryPolicy(6, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        var waits = new List<double>();
        var run = policy.Pipeline(_time, (_, wait) => waits.Add(wait.TotalSeconds))
            .ExecuteAsync(_ => throw new DeliveryException("busy", transient: true)).AsTask();
        // The waits are on the fake clock: move it on until the sixth attempt has failed too.
        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        await Assert.ThrowsAsync<DeliveryException>(() => run);
        Assert.Equal([2.0, 4, 8, 10, 10], waits);
    }
}
