using CxReports.Server.Evaluation;
using CxReports.Server.Monitoring;
using CxReports.Server.Problems;
using CxReports.Server.Requests;
using CxReports.Server.Security;
using Microsoft.Net.Http.Headers;

namespace CxReports.Server.Modules;

/// <summary>What every API endpoint declares the same way: its scope and its auth failures, and how documents are sent.</summary>
public static class EndpointConventions
{
    /// <summary>Requires the scope's policy and documents the 401 (and 403 when a lower-scoped key could call it).</summary>
    public static TBuilder RequiresScope<TBuilder>(this TBuilder builder, ApiScope scope) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(scope.Name());
        builder.WithMetadata(new RequiredScope(scope));
        builder.ProducesProblem(StatusCodes.Status401Unauthorized);
        if (scope > ApiScope.Read) builder.ProducesProblem(StatusCodes.Status403Forbidden);
        return builder;
    }

    /// <summary>
    /// Refuses a query string naming anything but <paramref name="parameters"/> with a 400 naming the first unknown one:
    /// a misspelt <c>form=</c> would otherwise be ignored and answer for a period nobody asked for.
    /// </summary>
    public static TBuilder AcceptsOnly<TBuilder>(this TBuilder builder, params string[] parameters) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var unknown = context.HttpContext.Request.Query.Keys.FirstOrDefault(k => !parameters.Contains(k, StringComparer.Ordinal));
            return unknown is null
                ? await next(context)
                : ServerProblem.BadParameter(unknown, $"'{RequestReader.Shorten(unknown)}' is not a parameter here", parameters).Send(context.HttpContext);
        });
        return builder;
    }

    /// <summary>
    /// A cached document as the response: ETag and X-Cache headers (counted as a result-cache hit or miss), 304 when
    /// the client has it already.
    /// </summary>
    public static IResult Send(this Outcome<ServedDocument> outcome, HttpContext http) =>
        outcome.Send(http, http.RequestServices.GetRequiredService<CxrMetrics>());

    /// <summary><see cref="Send(Outcome{ServedDocument}, HttpContext)"/> counting on <paramref name="metrics"/> (for a caller outside the endpoint's services).</summary>
    public static IResult Send(this Outcome<ServedDocument> outcome, HttpContext http, CxrMetrics metrics)
    {
        if (outcome.Problem is { } problem) return problem.Send(http);
        var (document, hit, file, report, _) = outcome.Value!;
        metrics.CacheLookup(report is null ? "query" : "report", hit);
        http.Response.Headers["X-Cache"] = hit ? "hit" : "miss";
        http.Response.Headers.ETag = document.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(document.ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Results.Empty;
        }
        // Names are report ids, dates and block ids: plain ASCII, nothing to escape.
        if (file is not null)
            http.Response.Headers.ContentDisposition = $"{(file.EndsWith(".pdf", StringComparison.Ordinal) ? "inline" : "attachment")}; filename=\"{file}\"";
        return new DocumentBytes(document);
    }

    /// <summary>A problem as the response; a 503 also tells the client when to retry.</summary>
    public static IResult Send(this ServerProblem problem, HttpContext http)
    {
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers[HeaderNames.RetryAfter] = "1";
        return problem.ToResult();
    }
}

/// <summary>Endpoint metadata: the scope an endpoint needs (read by the OpenAPI document).</summary>
public sealed record RequiredScope(ApiScope Scope);
