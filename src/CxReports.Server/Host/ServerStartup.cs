using CxReports.Demo;
using CxReports.Server.Problems;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Host;

/// <summary>
/// Runs before the server listens: writes the demo data if the data directory holds none, opens the warehouse,
/// loads the model and every new or changed source, reads the API keys, and says in the log when auth is off.
/// Report files with errors at start do not stop the server: it starts serving nothing, says why in the log,
/// <c>/api/status</c> and <c>/health/ready</c>, and serves as soon as the files are fixed (they are watched), so a
/// bad file can never put the server into a crash loop.
/// A warehouse that cannot be read (damaged, disk full) stops the start with one critical log line that names the file
/// and what to do.
/// </summary>
public sealed class ServerStartup(
    IOptions<CxrServerOptions> options,
    IOptions<WarehouseSettings> warehouseSettings,
    WarehouseGate warehouse,
    ModelReloader reloader,
    ApiKeyRegistry keys,
    ILogger<ServerStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.GenerateDemoData && !DataDirectoryContents.HoldsData(settings.DataDirectory))
        {
            log.LogInformation("no data in '{Directory}': writing the demo dataset ({Customers} customers)", settings.DataDirectory, settings.DemoCustomers);
            DemoDataGenerator.Generate(new DemoOptions(settings.DataDirectory, settings.DemoCustomers));
        }
        var warehouseOptions = warehouseSettings.Value.For(settings);
        ReloadOutcome outcome;
        try
        {
            warehouse.Open(warehouseOptions);
            log.LogInformation("warehouse: {Warehouse}", warehouse.Description);
            outcome = await reloader.Reload("start", cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            // One line, no stack trace: the file, what the engine said and what to do; cxr serve repeats it and exits 1.
            var failure = WarehouseFailure.Unusable(e, warehouseOptions);
            log.LogCritical("{Failure}", failure.Message);
            throw failure;
        }
        if (!outcome.Accepted)
            log.LogError("NO REPORTS ARE SERVED: the report files in '{Directory}' have errors (listed above; run cxr check). " +
                "The server keeps running and serves them as soon as they are fixed; until then report, query and run requests get 503.",
                settings.ReportsDirectory);

        if (!settings.Auth.Enabled)
            log.LogWarning("AUTHENTICATION IS DISABLED (Cxr:Auth:Enabled=false): every caller may read, run and reload. Use this only on a developer machine.");
        else if (keys.Count == 0)
            log.LogWarning("no API keys yet: every /api request will get 401. Create one (it goes through this server): cxr keys create --scope read");
        if (settings.Auth.Enabled && settings.Metrics.Anonymous)
            log.LogInformation("/metrics is served without a key (Cxr:Metrics:Anonymous=true): counts and durations by report, source and channel name");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
