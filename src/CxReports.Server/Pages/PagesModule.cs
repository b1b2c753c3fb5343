using Carter;
using CxReports.Rendering.Html;
using CxReports.Server.Evaluation;
using CxReports.Server.Modules;
using CxReports.Server.Problems;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Pages;

/// <summary>
/// The browser pages: the reports, a report as a page, the run history, the alerts and the status, rendered on the server from
/// the services and the cached evaluations the JSON API uses (no SQL of their own), with the read scope like the API;
/// and their static files.
/// </summary>
public sealed class PagesModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequiresScope(ApiScope.Read).WithPageHeaders().ExcludeFromDescription();

        // While no model serves (the report files have had errors since start) the index lists none and points to the
        // status; under cxr preview the layout shows the errors themselves.
        pages.MapGet("/", (ReportService reports, RunService runs, ServingStore store) => Task.Run(() => Page<IndexPage>(new
        {
            Reports = store.Current is null ? []
                : reports.List().Select(r => new ReportEntry(r, RunHistory.Of(runs.Log, r.Name).Runs.FirstOrDefault())).ToArray(),
        }))).AcceptsOnly();

        pages.MapGet("/reports/{name}", async (string name, HttpContext http, ReportService reports, ServingStore store, CancellationToken cancellation) =>
        {
            if (store.Current is null)
                return Problem(ServerProblem.Of(StatusCodes.Status503ServiceUnavailable, "No reports are served",
                    "the report files have errors; the status page lists them with file, line and column"), "/status");
            var found = reports.Find(name);
            if (found.Problem is { } missing) return Problem(missing, null);
            var outcome = await reports.Evaluated(name, PageQuery.WithoutEmpty(http.Request.Query), cancellation);
            if (outcome.Problem is { } problem) return Problem(problem, $"/reports/{name}");
            var (evaluated, hit) = outcome.Value;
            http.Response.Headers["X-Cache"] = hit ? "hit" : "miss";
            return Page<ReportView>(new { Page = ReportPage.Of(evaluated), Form = ViewFormModel.Of(found.Value!, evaluated) });
        });

        // A share link opens its report's page without a key, with the parameters signed into it (the query string is
        // never read) and no form to change them; its downloads are the link's own PDF and JSON.
        app.MapGet(SharedReports.SharePath + "/{token}", async (string token, HttpContext http, SharedReports shares, IOptions<CxrServerOptions> options, CancellationToken cancellation) =>
        {
            PageHeaders.ApplyShared(http.Response, options.Value.Access);
            var outcome = await shares.Evaluated(token, cancellation);
            if (outcome.Problem is { } problem) return Problem(problem, null);
            var (evaluated, hit) = outcome.Value;
            http.Response.Headers["X-Cache"] = hit ? "hit" : "miss";
            return Page<ReportView>(new { Page = ReportPage.Of(evaluated), Form = (ViewFormModel?)null, SharedLink = $"{SharedReports.SharePath}/{token}" });
        }).AllowAnonymous().ExcludeFromDescription();

        pages.MapGet("/runs", async (string? report, ReportService reports, RunService runs) =>
        {
            if (report is not null && reports.Find(report).Problem is { } problem) return Problem(problem.ForParameter("report"), "/runs");
            return Page<RunsPage>(new { History = await Task.Run(() => RunHistory.Of(runs.Log, report)) });
        }).AcceptsOnly("report");

        pages.MapGet("/alerts", async (AlertService alerts, ServingStore store) =>
            Page<AlertsPage>(new { Alerts = store.Current is null ? [] : await Task.Run(alerts.List) })).AcceptsOnly();

        pages.MapGet("/status", (ServingStore store, EvaluationLimiter evaluations, IOptions<CxrServerOptions> options) =>
            Page<StatusPage>(new { Status = ServerStatus.From(store, evaluations, options.Value) })).AcceptsOnly();

        pages.MapGet("/events", PreviewEvents.Stream).AcceptsOnly();

        app.MapGet("/assets/{file}", (string file, HttpContext http) =>
        {
            if (PageAssets.Find(file) is not { } asset)
                return ServerProblem.Of(StatusCodes.Status404NotFound, "Unknown file", $"there is no file '{Requests.RequestReader.Shorten(file)}' here",
                    ("parameter", "file")).Send(http);
            var etag = $"\"{asset.Hash}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            if (http.Request.Headers.IfNoneMatch.Contains(etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            return TypedResults.Bytes(asset.Content, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static RazorComponentResult Page<TPage>(object parameters) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(parameters) { PreventStreamingRendering = true };

    private static RazorComponentResult Problem(ServerProblem problem, string? back) =>
        new RazorComponentResult<ProblemPage>(new { Problem = problem, Back = back }) { StatusCode = problem.Status, PreventStreamingRendering = true };
}
