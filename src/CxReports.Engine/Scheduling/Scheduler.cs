using CxReports.Dsl.Model;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// Runs reports when their schedules fire, and alerts when their <c>check</c> does (given an <see cref="AlertRunner"/>).
/// After downtime only the latest missed slot of each runs, once (earlier missed slots are stale news); a report or
/// alert first seen now starts with its next slot. Time comes from a <see cref="TimeProvider"/>, so tests drive it
/// without waiting.
/// </summary>
public sealed class Scheduler(Func<SemanticModel?> model, RunLog log, ReportRunner runner, TimeProvider time, AlertRunner? alerts = null)
{
    /// <summary>Runs started before this scheduler and still marked running were left so by a process that stopped.</summary>
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <summary>How long to sleep at most, so changed schedules (hot reload) are picked up soon.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Finishes the runs a stopped process left running (<see cref="ReportRunner.ResumeAsync"/>,
    /// <see cref="AlertRunner.ResumeAsync"/>), once a model is there to say what their reports deliver and whom their
    /// alerts notify. Returns how each ended.
    /// </summary>
    public async Task<IReadOnlyList<RunOutcome>> ResumeInterruptedAsync(CancellationToken cancellation)
    {
        if (model() is not { } current) return [];
        var outcomes = new List<RunOutcome>();
        foreach (var run in log.Interrupted(_startedAt).Where(r => !RunGate.IsActive(r.RunId)))
        {
            var resumed = alerts is not null && AlertRunner.AlertOf(run.Report) is { } alert
                ? alerts.ResumeAsync(run, current.Alerts.GetValueOrDefault(alert), cancellation)
                : runner.ResumeAsync(run, current.Reports.GetValueOrDefault(run.Report), cancellation);
            if (await resumed is { } outcome) outcomes.Add(outcome);
        }
        return outcomes;
    }

    /// <summary>Runs every report and alert whose latest slot up to now has not run; returns when the next slot is due.</summary>
    public async Task<DateTimeOffset?> RunDueAsync(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var (name, schedule, run) in Scheduled())
        {
            var clock = new ScheduleClock(schedule);
            var since = log.LastScheduledSlot(name) ?? log.FirstSeen(name, now);
            if (clock.LatestBetween(since, now) is { } due)
                await run(due, cancellation);
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

    /// <summary>
    /// The reports with a schedule and the alerts with a <c>check</c> in the model now (so hot reload adds and removes
    /// them), each under its run-log name, with how to run a slot.
    /// </summary>
    private IEnumerable<(string Name, ScheduleModel Schedule, Func<DateTimeOffset, CancellationToken, Task> Run)> Scheduled()
    {
        var current = model();
        foreach (var report in (current?.Reports.Values ?? []).Where(r => r.Schedule is not null).OrderBy(r => r.Name, StringComparer.Ordinal))
            yield return (report.Name, report.Schedule!, (slot, cancellation) => runner.RunAsync(report, slot, "schedule", cancellation));
        if (alerts is null) yield break;
        foreach (var alert in (current?.Alerts.Values ?? []).Where(a => a.Check is not null).OrderBy(a => a.Name, StringComparer.Ordinal))
            yield return (AlertRunner.RunName(alert.Name), alert.Check!, (slot, cancellation) => alerts.RunAsync(alert, slot, "schedule", cancellation));
    }
}
