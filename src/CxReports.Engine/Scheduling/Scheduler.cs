using CxReports.Dsl.Model;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// Runs reports when their schedules fire. After downtime only the latest missed slot of each report runs, once
/// (earlier missed slots are stale news); a report first seen now starts with its next slot. Time comes from a
/// <see cref="TimeProvider"/>, so tests drive it without waiting.
/// </summary>
public sealed class Scheduler(Func<SemanticModel?> model, RunLog log, ReportRunner runner, TimeProvider time)
{
    /// <summary>Runs started before this scheduler and still marked running were left so by a process that stopped.</summary>
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <summary>How long to sleep at most, so changed schedules (hot reload) are picked up soon.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Finishes the runs a stopped process left running (<see cref="ReportRunner.ResumeAsync"/>), once a model is
    /// there to say what their reports deliver. Returns how each ended.
    /// </summary>
    public async Task<IReadOnlyList<RunOutcome>> ResumeInterruptedAsync(CancellationToken cancellation)
    {
        if (model() is not { } current) return [];
        var outcomes = new List<RunOutcome>();
        foreach (var run in log.Interrupted(_startedAt).Where(r => !runner.IsActive(r.RunId)))
            if (await runner.ResumeAsync(run, current.Reports.GetValueOrDefault(run.Report), cancellation) is { } outcome)
                outcomes.Add(outcome);
        return outcomes;
    }

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

    /// <summary>Resumes interrupted runs (each told to <paramref name="resumed"/>) and runs due slots, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellation, Action<RunOutcome>? resumed = null)
    {
        while (!cancellation.IsCancellationRequested)
        {
            foreach (var outcome in await ResumeInterruptedAsync(cancellation))
                resumed?.Invoke(outcome);
            var next = await RunDueAsync(cancellation);
            var sleep = next is { } at ? at - time.GetUtcNow() : MaxSleep;
            await Task.Delay(sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > MaxSleep ? MaxSleep : sleep, time, cancellation);
        }
    }

    private IEnumerable<ReportModel> Scheduled() =>
        (model()?.Reports.Values ?? []).Where(r => r.Schedule is not null).OrderBy(r => r.Name, StringComparer.Ordinal);
}
