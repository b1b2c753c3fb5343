using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxReports.Server.Serving;

/// <summary>Ready when a valid model is serving over an open warehouse; degraded while a refused change is pending.</summary>
public sealed class ServingHealthCheck(ServingStore store, WarehouseGate warehouse) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!warehouse.IsOpen)
            return Task.FromResult(HealthCheckResult.Unhealthy("the warehouse is not open yet"));
        if (store.Current is not { } state)
            return Task.FromResult(HealthCheckResult.Unhealthy(store.LastFailure is { } refused
                ? $"no valid model is serving: {refused.Message}; see GET /api/status"
                : "no valid model is serving yet"));
        var data = new Dictionary<string, object>
        {
            ["generation"] = state.Generation,
            ["reports"] = state.Model.Reports.Count,
            ["dataVersion"] = state.DataVersion,
        };
        if (store.LastFailure is { } failure)
        {
            data["refusedAt"] = failure.At.ToString("O");
            data["errors"] = failure.Diagnostics.Count(d => d.Severity == Dsl.Diagnostics.Severity.Error);
            return Task.FromResult(HealthCheckResult.Degraded(
                $"the latest report change was refused ({failure.Message}); still serving generation {state.Generation}; see GET /api/status", data: data));
        }
        return Task.FromResult(HealthCheckResult.Healthy($"serving generation {state.Generation}", data));
    }
}
