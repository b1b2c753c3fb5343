using Carter;
using CxReports.Engine.Scheduling;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;
using CxReports.Server.Serving;

namespace CxReports.Server.Modules;

/// <summary>Runs: the history of scheduled and manual runs with their deliveries, and run-now.</summary>
public sealed class RunsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/runs").WithTags("Runs").RequiresScope(ApiScope.Read)
            .MapGet("", async (string? report, ReportService reports, RunService runs, HttpContext http) =>
            {
                if (report is not null && reports.Find(report).Problem is { } problem) return problem.ForParameter("report").Send(http);
                return TypedResults.Ok(await Task.Run(() => RunHistory.Of(runs.Log, report)));
            })
            .AcceptsOnly("report")
            .WithName("listRuns")
            .WithSummary("List report runs")
            .WithDescription("Runs with their delivery outcomes, newest first (at most 100); ?report=NAME for one report.")
            .Produces<RunHistory>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGroup("/api/reports").WithTags("Runs").RequiresScope(ApiScope.Run)
            .MapPost("/{name}/run", async (string name, ReportService reports, RunService runs, HttpContext http) =>
            {
                var found = reports.Find(name);
                if (found.Problem is { } problem) return problem.Send(http);
                var outcome = await Task.Run(() => runs.Runner.RunNowAsync(found.Value!, http.RequestAborted));
                var run = runs.Log.RecentRuns(name).First(r => r.RunId == outcome.RunId);
                return TypedResults.Ok(RunRecord.Of(run, outcome.Deliveries));
            })
            .AcceptsOnly()
            .WithName("runReport")
            .WithMetadata(new ChangesState())
            .WithSummary("Run a report and deliver it now")
            .WithDescription("Evaluates the report and delivers it to every target of its schedule; answers when the run has ended, with each delivery's outcome.")
            .Produces<RunRecord>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>The run history: each run of a report, newest first.</summary>
public sealed record RunHistory(IReadOnlyList<RunRecord> Runs)
{
    /// <summary>The recent runs of one report (or all, for null) with each delivery's final outcome.</summary>
    public static RunHistory Of(RunLog log, string? report) =>
        new(log.RecentRuns(report).Select(run => RunRecord.Of(run, log.DeliveriesOf(run.RunId))).ToArray());
}

/// <summary>One run: which report, why it ran (schedule or manual), for which slot, how it ended and what each delivery did.</summary>
public sealed record RunRecord(string Id, string Report, string Trigger, DateTimeOffset ScheduledFor, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, string Outcome, string? Error, IReadOnlyList<DeliveryRecord> Deliveries)
{
    public static RunRecord Of(Engine.Scheduling.RunRecord run, IReadOnlyList<Engine.Scheduling.DeliveryRecord> attempts) => new(
        run.RunId, run.Report, run.Trigger, run.ScheduledFor, run.Started, run.Finished, run.Status.ToText(), run.Error,
        attempts.GroupBy(a => a.IdempotencyKey)
            .Select(g => new DeliveryRecord(g.Last().Kind, g.Last().Target, g.Last().Status.ToText(), g.Last().Error, g.Max(a => a.Attempt)))
            .ToArray());
}

/// <summary>One delivery of a run: channel (email, folder, webhook), target, outcome and how many attempts it took.</summary>
public sealed record DeliveryRecord(string Channel, string Target, string Outcome, string? Error, int Attempts);
