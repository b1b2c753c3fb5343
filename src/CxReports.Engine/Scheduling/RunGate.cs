using System.Collections.Concurrent;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// Starts and resumes the runs of a runner (reports, alerts) in the run log: one run of a name at a time, a second
/// waiting for the first; and which runs this process is making now, so none is taken for one a stopped process left
/// running. Each run is watched by the observer from start to outcome.
/// </summary>
public sealed class RunGate(RunLog log, TimeProvider time, IRunObserver? observer)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new();

    /// <summary>
    /// The runs this process is making now, through any gate: a command run inside a server has gates of its own,
    /// and must tell the server's check in flight from a run nobody is making any more (one a stopped process left,
    /// or one whose runner failed partway).
    /// </summary>
    private static readonly ConcurrentDictionary<string, byte> Active = new();

    /// <summary>
    /// The runs a runner of this process gave up partway (it threw): left running in the log with nobody making them,
    /// for a command in this process to finish. A stopped process's runs are the scheduler's to resume when it starts.
    /// </summary>
    private static readonly ConcurrentDictionary<string, byte> Abandoned = new();

    /// <summary>Whether <paramref name="runId"/> is being run by this process now (so it is not an interrupted run).</summary>
    public static bool IsActive(string runId) => Active.ContainsKey(runId);

    /// <summary>Whether a runner of this process gave <paramref name="runId"/> up partway, and none has finished it since.</summary>
    public static bool WasAbandoned(string runId) => Abandoned.ContainsKey(runId);

    /// <summary>Starts a run of <paramref name="name"/> for <paramref name="slot"/> in the run log, then does it (given its id).</summary>
    public Task<RunOutcome> StartAsync(string name, DateTimeOffset slot, string trigger, Func<string, Task<RunOutcome>> run, CancellationToken cancellation) =>
        OneAtATimeAsync(name, () =>
        {
            var runId = Guid.NewGuid().ToString("N");
            return TrackedAsync(runId, name, trigger, () =>
            {
                log.StartRun(new RunRecord(runId, name, slot, trigger, time.GetUtcNow(), null, RunStatus.Running, null));
                return run(runId);
            });
        }, cancellation);

    /// <summary>
    /// Finishes a run a stopped process left <c>running</c>: <paramref name="cutOff"/> first (what was cut off is
    /// settled), then <paramref name="resume"/>, or, with a <paramref name="missing"/> reason (what it ran is gone from
    /// the model), ends it as failed. Null when the run is no longer running (finished meanwhile, or running here).
    /// </summary>
    public Task<RunOutcome?> ResumeAsync(RunRecord run, string? missing, Action cutOff, Func<Task<RunOutcome>> resume, CancellationToken cancellation) =>
        OneAtATimeAsync(run.Report, async () =>
        {
            if (IsActive(run.RunId) || log.RunStatus(run.RunId) != RunStatus.Running) return null;
            cutOff();
            if (missing is not null)
            {
                var error = $"interrupted, and cannot be resumed: {missing}";
                log.FinishRun(run.RunId, time.GetUtcNow(), RunStatus.Failed, error);
                return new RunOutcome(run.RunId, RunStatus.Failed, log.DeliveriesOf(run.RunId), error);
            }
            return (RunOutcome?)await TrackedAsync(run.RunId, run.Report, "resume", resume);
        }, cancellation);

    private async Task<T> OneAtATimeAsync<T>(string name, Func<Task<T>> run, CancellationToken cancellation)
    {
        var gate = _running.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellation);
        try
        {
            return await run();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs with <paramref name="runId"/> marked active and watched by the observer.</summary>
    private async Task<RunOutcome> TrackedAsync(string runId, string name, string trigger, Func<Task<RunOutcome>> run)
    {
        Active.TryAdd(runId, 0);
        try
        {
            using var watched = observer?.Starting(runId, name, trigger);
            var outcome = await run();
            Abandoned.TryRemove(runId, out _);
            observer?.Finished(name, outcome);
            return outcome;
        }
        catch
        {
            Abandoned.TryAdd(runId, 0);
            throw;
        }
        finally
        {
            Active.TryRemove(runId, out _);
        }
    }
}
