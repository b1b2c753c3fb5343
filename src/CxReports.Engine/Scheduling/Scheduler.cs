using CxReports.Dsl.Binding.Model;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// Runs reports when their schedules fire. After downtime only the latest missed slot of each report runs, once
/// (earlier missed slots are stale news); a report first seen now starts with its next slot. Time comes from a
/// <see cref="TimeProvider"/>, so tests drive it without waiting.
/// </summary>
public sealed class Scheduler(Func<SemanticModel?> model, RunLog log, ReportRunner runner, TimeProvider time)
{
    /// <summary>How long to sleep at most, so changed schedules (hot reload) are picked up soon.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>Runs every report whose latest slot up to now has not run; returns when the next slot is due.</summary>
    public async Task<DateTimeOffset?> RunDueAsync(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var report in Scheduled())
        {
            var clock = new ScheduleClock(report.Schedule!);
            var since = log.LastScheduledSlot(report.Name) ?? log.FirstSeen(report.Name, now);
            if (clock.LatestBetween(since, now) is { } due)
                await runner.RunAsync(report, due, "schedule", cancellation);
            if (clock.Next(now) is { } upcoming && (next is null || upcoming < next))
                next = upcoming;
        }
        return next;
    }

    /// <summary>The next slot of each scheduled report (shown in the reports list).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> NextRuns() =>
        Scheduled().ToDictionary(r => r.Name, r => new ScheduleClock(r.Schedule!).Next(time.GetUtcNow()));

    public async Task RunAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var next = await RunDueAsync(cancellation);
            var sleep = next is { } at ? at - time.GetUtcNow() : MaxSleep;
            await Task.Delay(sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > MaxSleep ? MaxSleep : sleep, time, cancellation);
        }
    }

    private IEnumerable<ReportModel> Scheduled() =>
        (model()?.Reports.Values ?? []).Where(r => r.Schedule is not null).OrderBy(r => r.Name, StringComparer.Ordinal);
}
