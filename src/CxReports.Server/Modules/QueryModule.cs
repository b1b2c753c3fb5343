using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;

namespace CxReports.Server.Modules;

/// <summary>Ad-hoc queries over the model: metrics by dimensions for a period, as one result table.</summary>
public sealed class QueryModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/query").WithTags("Query").RequiresScope(ApiScope.Read)
            .MapGet("", async (HttpContext http, QueryService service, CancellationToken cancellation,
                    string? q, string? from, string? to, string? timezone, string? locale) =>
                (await service.Run(http.Request.Query, cancellation)).Send(http))
            .AcceptsOnly("q", "from", "to", "timezone", "locale")
            .WithName("runQuery")
            .WithSummary("Run an ad-hoc query")
            .WithDescription("q: metrics [by dimensions] [where condition] [order by column [asc|desc], ...] [top N [by metric]], e.g. 'nps, csat by month, channel'. from/to: YYYY-MM-DD (default: the 12 whole months before this one). timezone: IANA name (default UTC). locale: whose alphabet orders text values, e.g. tr-TR (default en-US). Returns { columns, rows }.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
    }
}
