namespace CxReports.Server.Serving;

/// <summary>The scheduler as a hosted service: waits for the warehouse to open, then runs slots as they fall due.</summary>
public sealed class SchedulerService(RunService runs, WarehouseGate gate, ILogger<SchedulerService> log, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!gate.IsOpen && !stopping.IsCancellationRequested)
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, stopping);
        await Task.Run(() => runs.Log.EnsureCreated(), stopping);
        log.LogInformation("scheduler started");
        var scheduler = runs.Scheduler();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunAsync(stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing slot must not stop the schedule of every other report; the run log has the details.
                log.LogError(e, "scheduler loop failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), time, stopping);
            }
        }
    }
}
