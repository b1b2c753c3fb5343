using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;

namespace CxReports.Server.Modules;

/// <summary>Reports: the list, and each report evaluated as JSON or PDF for a period and parameters.</summary>
public sealed class ReportsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequiresScope(ApiScope.Read);

        reports.MapGet("", (ReportService service) => TypedResults.Ok(service.List()))
            .WithName("listReports")
            .WithSummary("List the reports")
            .WithDescription("Every report of the serving model: name, title, description, parameters and schedule.");

        reports.MapGet("/{name}", async (string name, string? from, string? to, HttpContext http, ReportService service, CancellationToken cancellation) =>
                (await service.Document(name, "json", http.Request.Query, cancellation)).Send(http))
            .WithName("getReport")
            .WithSummary("Evaluate a report as JSON")
            .WithDescription("Query string: from and to (YYYY-MM-DD, default the report's period) and any report parameter by name, e.g. ?plan=pro. Cached per report version, period and parameters; X-Cache says hit or miss.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        reports.MapGet("/{name}.pdf", async (string name, string? from, string? to, HttpContext http, ReportService service, CancellationToken cancellation) =>
                (await service.Document(name, "pdf", http.Request.Query, cancellation)).Send(http))
            .WithName("getReportPdf")
            .WithSummary("Evaluate a report as PDF")
            .WithDescription("Same query string as getReport. Answers 501 while the server has no PDF renderer.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
