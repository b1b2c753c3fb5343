using Carter;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxReports.Server.Modules;

/// <summary>Liveness (the process answers) and readiness (a valid model and the warehouse are serving). No key needed.</summary>
public sealed class HealthModule : ICarterModule
{
    public const string ReadyTag = "ready";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();

        health.MapGet("/live", () => TypedResults.Ok(new HealthStatus("Healthy", [])))
            .WithName("live")
            .WithSummary("Liveness")
            .Produces<HealthStatus>();

        health.MapGet("/ready", async (HealthCheckService checks, CancellationToken cancellation) =>
            {
                var report = await checks.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellation);
                var status = HealthStatus.From(report);
                return report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy
                    ? TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : (IResult)TypedResults.Ok(status);
            })
            .WithName("ready")
            .WithSummary("Readiness")
            .WithDescription("Healthy when serving; Degraded (still 200) when the latest report change was refused and the last good model keeps serving; 503 when not serving.")
            .Produces<HealthStatus>()
            .Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>Overall status and each check's status, description and data.</summary>
public sealed record HealthStatus(string Status, IReadOnlyList<HealthCheckStatus> Checks)
{
    public static HealthStatus From(HealthReport report) => new(report.Status.ToString(),
        report.Entries.Select(e => new HealthCheckStatus(e.Key, e.Value.Status.ToString(), e.Value.Description,
            e.Value.Data.ToDictionary(d => d.Key, d => d.Value?.ToString()))).ToArray());
}

/// <summary>One health check's outcome.</summary>
public sealed record HealthCheckStatus(string Name, string Status, string? Description, IReadOnlyDictionary<string, string?> Data);
