using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Engine.Tests.Scheduling;

public sealed class SchedulerTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-scheduler-").FullName;
    private readonly DuckDbWarehouse _warehouse;
    private readonly RunLog _log;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));
    private readonly List<DateTimeOffset> _evaluatedSlots = [];

    public SchedulerTests()
    {
        _warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_data));
        _log = new RunLog(_warehouse).EnsureCreated();
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    // Every day at 08:00 Istanbul = 05:00 UTC; no deliveries, so a run is one evaluation.
    private static SemanticModel Model() => new(
        new Dictionary<string, SourceModel>(), new Dictionary<string, MetricModel>(), new Dictionary<string, ScoreModel>(),
        new Dictionary<string, ScenarioModel>(),
        new Dictionary<string, ReportModel>
        {
            ["daily"] = new("daily", "Daily", null, new RelativePeriodModel(PeriodAnchor.Previous, 1, Dsl.Model.TimeUnit.Day), null, TimeZoneInfo.Utc, System.Globalization.CultureInfo.GetCultureInfo("en-US"), [], [],
                new ScheduleModel("0 8 * * *", Cronos.CronExpression.Parse("0 8 * * *"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"), false, [], default), [], default),
        });

    private Scheduler Scheduler()
    {
        var runner = new ReportRunner(_log, (report, slot) =>
        {
            _evaluatedSlots.Add(slot);
            return new EvaluatedReport(report.Name, report.Title, null, slot, default, default, null, "UTC", "en-US",
                new Dictionary<string, object?>(), "v", []);
        }, [], [], _time);
        return new Scheduler(Model, _log, runner, _time);
    }

    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_slot_runs_once_when_it_is_due_and_the_next_one_is_announced()
    {
        var scheduler = Scheduler();
        Assert.Equal(At(2, 5), await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Empty(_evaluatedSlots);

        _time.SetUtcNow(At(2, 5));
        Assert.Equal(At(3, 5), await scheduler.RunDueAsync(CancellationToken.None));
        _time.SetUtcNow(At(2, 6));
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Equal([At(2, 5)], _evaluatedSlots);
    }

    [Fact]
    public async Task After_downtime_only_the_latest_missed_slot_runs_and_only_once_across_restarts()
    {
        await Scheduler().RunDueAsync(CancellationToken.None);   // first seen on March 2, 04:00
        _time.SetUtcNow(At(5, 12));                              // down until March 5, noon: three slots missed

        await Scheduler().RunDueAsync(CancellationToken.None);   // a restarted process
        await Scheduler().RunDueAsync(CancellationToken.None);   // and another

        Assert.Equal([At(5, 5)], _evaluatedSlots);
        Assert.Equal(At(5, 5), _log.LastScheduledSlot("daily"));
    }

    [Fact]
    public async Task A_report_seen_for_the_first_time_does_not_replay_its_past_slots()
    {
        _time.SetUtcNow(At(10, 12));
        await Scheduler().RunDueAsync(CancellationToken.None);
        Assert.Empty(_evaluatedSlots);
    }

    [Fact]
    public async Task The_loop_sleeps_on_the_time_provider_until_the_next_slot()
    {
        using var stop = new CancellationTokenSource();
        var loop = Scheduler().RunAsync(stop.Token);
        _time.Advance(TimeSpan.FromMinutes(61));                 // 05:01 UTC, after the 05:00 slot
        for (var i = 0; i < 100 && _evaluatedSlots.Count == 0; i++) await Task.Delay(10);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);

        Assert.Equal([At(2, 5)], _evaluatedSlots);
    }
}
