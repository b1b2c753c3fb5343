using System.Collections.Concurrent;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// One run of a name (a report, an alert) at a time, a second waiting for the first; and which runs this process is
/// making now, so none is taken for one a stopped process left running. Each run is watched by the observer from start
/// to outcome.
/// </summary>
public sealed class RunGate(IRunObserver? observer)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new();
    private readonly ConcurrentDictionary<string, byte> _active = new();

    /// <summary>Whether <paramref name="runId"/> is being run by this process now (so it is not an interrupted run).</summary>
    public bool IsActive(string runId) => _active.ContainsKey(runId);

    public async Task<T> OneAtATimeAsync<T>(string name, Func<Task<T>> run, CancellationToken cancellation)
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
    public async Task<RunOutcome> TrackedAsync(string runId, string name, string trigger, Func<Task<RunOutcome>> run)
    {
        _active.TryAdd(runId, 0);
        try
        {
            using var watched = observer?.Starting(runId, name, trigger);
            var outcome = await run();
            observer?.Finished(name, outcome);
            return outcome;
        }
        finally
        {
            _active.TryRemove(runId, out _);
        }
    }
}
