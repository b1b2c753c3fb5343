using CxReports.Server.Evaluation;
using CxReports.Server.Monitoring;
using CxReports.Server.Security;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Modules;

/// <summary>
/// Answers a GET of a report route marked <see cref="AnsweredByShortcut"/> from the result cache before the
/// authentication, authorization and endpoint machinery, when <see cref="ReportShortcuts"/> knows the full pipeline's
/// answer to this very request is a cache hit now; otherwise, and for anything it cannot prove, passes the request on
/// untouched. Runs after routing (the endpoint is the router's own choice), the correlation id, compression, the error
/// handlers and host filtering, so those apply as they always do; the cross-site guard lets every GET through. Admits
/// exactly whom the auth handler and the endpoint's policies would: with auth off everyone; else a non-empty
/// <c>Authorization</c> header naming a registered key (<see cref="BearerKey"/>, checked against the registry on every
/// request, so a revoked key is refused at once) whose scope covers every policy of the endpoint. A request without that
/// header (page session, share link, no key) goes the full way. The answer is sent by the route's own
/// <see cref="EndpointConventions.Send(Problems.Outcome{ServedDocument}, HttpContext)"/>: same headers, 304 and metrics.
/// </summary>
public sealed class ReportShortcut(RequestDelegate next, ReportShortcuts shortcuts, ApiKeyRegistry keys, CxrMetrics metrics, IOptions<CxrServerOptions> options)
{
    private readonly bool _authEnabled = options.Value.Auth.Enabled;

    public Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method)
            || http.GetEndpoint()?.Metadata is not { } metadata
            || metadata.GetMetadata<AnsweredByShortcut>() is null
            || RequiredScope(metadata) is not { } needed
            || !Admitted(http.Request, needed)
            || shortcuts.Answer(http.Request) is not { } served)
            return next(http);
        return new Problems.Outcome<ServedDocument>(served, null).Send(http, metrics).ExecuteAsync(http);
    }

    private bool Admitted(HttpRequest request, ApiScope needed)
    {
        if (!_authEnabled) return true;
        var header = request.Headers.Authorization.ToString();
        return header.Length > 0 && BearerKey.Find(header, keys).Key is { } key && key.Scope >= needed;
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
}

/// <summary>Endpoint metadata: the report route whose cached answers <see cref="ReportShortcut"/> may give.</summary>
public sealed record AnsweredByShortcut;
