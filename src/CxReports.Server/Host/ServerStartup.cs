using CxReports.Engine.Demo;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Host;

/// <summary>
/// Runs before the server listens: writes the demo data if the data directory holds none, opens the warehouse,
/// loads the model and every new or changed source, reads the API keys, and says in the log when auth is off.
/// A model with errors at start stops the server (there is no last good model to fall back on); so does a warehouse
/// that cannot be read (damaged, disk full), said in one critical log line that names the file and what to do.
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
        if (settings.GenerateDemoData && !HoldsData(settings.DataDirectory))
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
            throw new ModelRejectedException(settings.ReportsDirectory, outcome.Diagnostics);

        if (!settings.Auth.Enabled)
            log.LogWarning("AUTHENTICATION IS DISABLED (Cxr:Auth:Enabled=false): every caller may read, run and reload. Use this only on a developer machine.");
        else if (keys.Count == 0)
            log.LogWarning("no API keys yet: every /api request will get 401. Stop the server and run: cxr keys create --scope read");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A data directory holds data when it has any file besides the warehouse itself.</summary>
    private static bool HoldsData(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Any(f => !f.EndsWith(".duckdb", StringComparison.Ordinal) && !f.EndsWith(".duckdb.wal", StringComparison.Ordinal));
}

/// <summary>The report files had errors when the server started: it has no model to serve.</summary>
public sealed class ModelRejectedException(string directory, IReadOnlyList<Dsl.Diagnostics.Diagnostic> diagnostics)
    : Exception($"the reports in '{directory}' have errors; the server cannot start without a valid model (run cxr check)")
{
    public IReadOnlyList<Dsl.Diagnostics.Diagnostic> Diagnostics { get; } = diagnostics;
}
