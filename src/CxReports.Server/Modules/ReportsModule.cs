using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;

namespace CxReports.Server.Modules;

/// <summary>Reports: the list, and each report evaluated as JSON, PDF, CSV, XLSX or zip for a period and parameters.</summary>
public sealed class ReportsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequiresScope(ApiScope.Read);

        reports.MapGet("", (ReportService service) => TypedResults.Ok(service.List()))
            .WithName("listReports")
            .WithSummary("List the reports")
            .WithDescription("Every report of the serving model: name, title, description, parameters and schedule.");

        reports.MapGet("/{name}", async (string name, string? from, string? to, string? format, string? block, HttpContext http, ReportService service,
                CancellationToken cancellation) =>
            {
                var served = await service.Document(name, null, http.Request, cancellation);
                if (served.Value is { } document) ReportShortcut.Remember(http, document);
                return served.Send(http);
            })
            .WithName("getReport")
            .WithSummary("Evaluate a report as JSON, PDF, CSV, XLSX or zip")
            .WithDescription("Query string: from and to (YYYY-MM-DD, default the report's period), format (json, pdf, csv, xlsx, zip; else the Accept header decides, JSON for */*), block (csv: which block's table; needed when the report has more than one) and any report parameter by name, e.g. ?plan=pro. Cached per report version, period, parameters and document; X-Cache says hit or miss. Documents other than JSON come with a Content-Disposition file name.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: Rendering.Sheets.ReportXlsx.ContentType)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        Document(reports, "pdf", "application/pdf", "getReportPdf", "Evaluate a report as PDF", "Same query string as getReport (without format). Answers 501 while the server has no PDF renderer.");
        Document(reports, "csv", "text/csv", "getReportCsv", "One table of a report as CSV",
            "Same query string as getReport (without format); block names the table (needed when the report has more than one). UTF-8 with a byte order mark; ';' and decimal commas for locales that write numbers so (tr-TR), ',' and points otherwise; headers from labels with the unit in brackets; numbers as the PDF shows them.");
        Document(reports, "xlsx", Rendering.Sheets.ReportXlsx.ContentType, "getReportXlsx", "Evaluate a report as an Excel workbook",
            "Same query string as getReport (without format or block): a report sheet (title, period, parameters, data version, generated), then one sheet per block with real numbers and number formats.");
        Document(reports, "zip", "application/zip", "getReportZip", "A report's tables as a zip of CSV files",
            "Same query string as getReport (without format or block): one CSV file per block with a table, named by its id (kpi_1.csv).");
    }

    private static void Document(RouteGroupBuilder reports, string format, string contentType, string endpoint, string summary, string description) =>
        reports.MapGet("/{name}." + format, async (string name, string? from, string? to, HttpContext http, ReportService service, CancellationToken cancellation) =>
                (await service.Document(name, format, http.Request, cancellation)).Send(http))
            .WithName(endpoint)
            .WithSummary(summary)
            .WithDescription(description)
            .Produces(StatusCodes.Status200OK, contentType: contentType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
