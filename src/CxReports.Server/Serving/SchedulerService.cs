using CxReports.Engine.Scheduling;

namespace CxReports.Server.Serving;

/// <summary>The scheduler as a hosted service: waits for the warehouse to open, then runs report and alert slots as they fall due.</summary>
public sealed class SchedulerService(RunService runs, WarehouseGate gate, ILogger<SchedulerService> log, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!gate.IsOpen && !stopping.IsCancellationRequested)
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, stopping);
        await Task.Run(() =>
        {
            runs.Log.EnsureCreated();
            runs.States.EnsureCreated();
        }, stopping);
        log.LogInformation("scheduler started");
        var scheduler = runs.Scheduler();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunAsync(stopping, Resumed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing slot must not stop the schedule of every other report; the run log has the details.
                log.LogError(e, "scheduler loop failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), time, stopping);
            }
        }
    }

    /// <summary>A run the stopped process left unfinished, now finished: said loudly, an email or chat message in doubt needs a person to look.</summary>
    private void Resumed(Engine.Scheduling.RunOutcome outcome)
    {
        log.LogWarning("run {RunId} was interrupted by a stop and has been resumed: {Status}{Error}", outcome.RunId, outcome.Status.ToText(),
            outcome.Error is null ? "" : $" ({outcome.Error})");
        foreach (var doubt in outcome.Deliveries.GroupBy(d => d.IdempotencyKey).Select(g => g.Last()).Where(d => d.Status == DeliveryStatus.InDoubt))
            log.LogWarning("{Kind} of run {RunId} to {Target} is in doubt: {Reason}; check whether it arrived, it is not sent again",
                doubt.Kind, outcome.RunId, doubt.Target, doubt.Error);
    }
}
