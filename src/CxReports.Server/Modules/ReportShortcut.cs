using CxReports.Server.Evaluation;
using CxReports.Server.Monitoring;
using CxReports.Server.Security;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Modules;

/// <summary>
/// Answers a GET that repeats a report request the full pipeline answered from the result cache, from the cache, as
/// the first thing the server does with it (ahead of routing and every middleware, <see cref="First"/>), when
/// <see cref="ReportShortcuts"/> knows the full pipeline's answer to this very request is a cache hit now; otherwise,
/// and for anything it cannot prove, passes the request on untouched. What the pipeline it passes by would do to the
/// answer, it does or proves needless: the endpoint is the one the router chose for the remembered request (the route
/// table does not change while the server runs), set so the request metrics name its route; the Host is the one host
/// filtering admitted (part of the remembered request); the correlation id is <see cref="RequestCorrelation.Id"/>,
/// echoed in the same header; a document whose media type the response compression would compress is left to it when
/// the client accepts compression; the error pages and handlers have nothing to do with a 200 or 304, and the
/// cross-site guard lets every GET through. Admits exactly whom the auth handler and the endpoint's policies would:
/// with auth off everyone; else a non-empty <c>Authorization</c> header naming a registered key (<see cref="BearerKey"/>,
/// checked against the registry on every request, so a revoked key is refused at once) whose scope covers every policy
/// of the endpoint. A request without that header (page session, share link, no key) goes the full way. The answer is
/// sent by the route's own <see cref="EndpointConventions.Send(Problems.Outcome{ServedDocument}, HttpContext)"/>: same
/// headers, 304 and metrics.
/// </summary>
public sealed class ReportShortcut(RequestDelegate next, ReportShortcuts shortcuts, ApiKeyRegistry keys, CxrMetrics metrics,
    IResponseCompressionProvider compression, IOptions<CxrServerOptions> options)
{
    private readonly bool _authEnabled = options.Value.Auth.Enabled;

    public Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method)
            || shortcuts.Find(http.Request) is not ({ } remembered, { } document)
            || !Admitted(http.Request, remembered.Scope)
            || (remembered.Compressible && compression.CheckRequestAcceptsCompression(http)))
            return next(http);
        http.SetEndpoint(remembered.Endpoint);
        var answer = new Problems.Outcome<ServedDocument>(shortcuts.Answer(remembered, document), null).Send(http, metrics);
        // After the route's headers, as RequestCorrelation writes it when the response starts.
        http.Response.Headers[RequestCorrelation.Header] = RequestCorrelation.Id(http);
        return answer.ExecuteAsync(http);
    }

    /// <summary>
    /// Remembers a report document the route served for this request (called by the route, after the full pipeline
    /// has admitted and routed the request), unless its endpoint's authorization asks for more than a key's scope.
    /// </summary>
    public static void Remember(HttpContext http, ServedDocument served)
    {
        if (served.Cached is not { } cached || http.GetEndpoint() is not { } endpoint || RequiredScope(endpoint.Metadata) is not { } scope) return;
        var services = http.RequestServices;
        services.GetRequiredService<ReportShortcuts>().Remember(http.Request,
            new RememberedReport(cached, endpoint, scope, Compressible(services.GetRequiredService<IResponseCompressionProvider>(), served.Document.ContentType)));
    }

    private bool Admitted(HttpRequest request, ApiScope needed)
    {
        if (!_authEnabled) return true;
        var header = request.Headers.Authorization.ToString();
        return header.Length > 0 && BearerKey.Find(header, keys).Key is { } key && key.Scope >= needed;
    }

    /// <summary>Whether the response compression would compress a response of this media type (asked of it, on a response of that type alone).</summary>
    private static bool Compressible(IResponseCompressionProvider compression, string contentType)
    {
        var probe = new DefaultHttpContext();
        probe.Response.ContentType = contentType;
        return compression.ShouldCompressResponse(probe);
    }

    /// <summary>
    /// The scope the endpoint's authorization asks for: the highest of its scope policies, read (the fallback policy)
    /// when it names none; null when it asks for anything else (roles, schemes, other policies, anonymous access), which
    /// only the full pipeline decides.
    /// </summary>
    private static ApiScope? RequiredScope(EndpointMetadataCollection metadata)
    {
        if (metadata.GetMetadata<IAllowAnonymous>() is not null || metadata.GetMetadata<AuthorizationPolicy>() is not null
            || metadata.GetMetadata<IAuthorizationRequirementData>() is not null)
            return null;
        var needed = ApiScope.Read;
        foreach (var data in metadata.GetOrderedMetadata<IAuthorizeData>())
        {
            if (data.Roles is not null || data.AuthenticationSchemes is not null || data.Policy is null || ApiKeys.ParseScope(data.Policy) is not { } scope)
                return null;
            if (scope > needed) needed = scope;
        }
        return needed;
    }

    /// <summary>Puts the shortcut ahead of the whole application pipeline, routing included (behind only the host's own startup filters).</summary>
    public sealed class First : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<ReportShortcut>();
            next(app);
        };
    }
}
