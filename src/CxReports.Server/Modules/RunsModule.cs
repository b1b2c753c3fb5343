using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Problems;
using CxReports.Server.Security;

namespace CxReports.Server.Modules;

/// <summary>
/// Runs: the history of scheduled and manual runs with their deliveries, and run-now. The scheduler and delivery
/// adapters are not part of this server yet, so the history is empty and run-now answers 501 saying so.
/// </summary>
public sealed class RunsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/runs").WithTags("Runs").RequiresScope(ApiScope.Read)
            .MapGet("", (string? report, ReportService reports, HttpContext http) =>
            {
                if (report is not null && reports.Find(report).Problem is { } problem) return problem.Send(http);
                return TypedResults.Ok(new RunHistory([]));
            })
            .WithName("listRuns")
            .WithSummary("List report runs")
            .WithDescription("Runs with their delivery outcomes, newest first; ?report=NAME for one report. Empty until the scheduler records runs.")
            .Produces<RunHistory>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGroup("/api/reports").WithTags("Runs").RequiresScope(ApiScope.Run)
            .MapPost("/{name}/run", (string name, ReportService reports, HttpContext http) =>
                (reports.Find(name).Problem ?? ServerProblem.NotImplemented("Run-now not available yet",
                    $"running and delivering '{name}' needs the scheduler and the delivery adapters (email, folder, webhook), which this server does not have yet; GET /api/reports/{name} evaluates it without delivering"))
                .Send(http))
            .WithName("runReport")
            .WithSummary("Run a report and deliver it now")
            .WithDescription("Starts a run of the report with its deliveries and answers 202 with the run. Until the scheduler and delivery adapters are part of the server it answers 501.")
            .Produces<RunRecord>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented);
    }
}

/// <summary>The run history: each run of a report, newest first.</summary>
public sealed record RunHistory(IReadOnlyList<RunRecord> Runs);

/// <summary>One run: which report, why it ran (schedule or manual), when, how it ended and what each delivery did.</summary>
public sealed record RunRecord(string Report, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, IReadOnlyList<DeliveryRecord> Deliveries);

/// <summary>One delivery of a run: channel (email, folder, webhook), target and outcome.</summary>
public sealed record DeliveryRecord(string Channel, string Target, string Outcome, string? Error);
