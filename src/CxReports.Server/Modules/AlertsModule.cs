using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;

namespace CxReports.Server.Modules;

/// <summary>Alerts: each alert of the model with its condition, check schedule, channels and state per segment.</summary>
public sealed class AlertsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts").RequiresScope(ApiScope.Read);

        alerts.MapGet("", async (AlertService service) => TypedResults.Ok(await Task.Run(service.List)))
            .AcceptsOnly()
            .WithName("listAlerts")
            .WithSummary("List the alerts with their state per segment")
            .WithDescription("Every alert of the serving model: label, metric and dimensions, the condition in words, grain, min and significance guards, check schedule with the next check in its zone, channels (targets with credentials masked), and each segment's stored state: firing or normal, since when, and the last judgement's value, previous value, change and p-value.")
            .Produces<IReadOnlyList<AlertSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        alerts.MapGet("/{name}", async (string name, AlertService service, HttpContext http) =>
            {
                var found = await Task.Run(() => service.Find(name));
                return found.Problem is { } problem ? problem.Send(http) : TypedResults.Ok(found.Value);
            })
            .AcceptsOnly()
            .WithName("getAlert")
            .WithSummary("One alert with its state per segment")
            .WithDescription("The alert as listAlerts shows it; 404 naming the closest alert for an unknown name.")
            .Produces<AlertSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
