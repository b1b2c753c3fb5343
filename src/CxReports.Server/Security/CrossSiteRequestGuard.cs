using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CxReports.Server.Security;

/// <summary>
/// Refuses requests a web page on another site could make a browser send (CSRF; with auth off, any page the user
/// visits could otherwise reload the server or run deliveries). On every POST, PUT, PATCH or DELETE: an
/// <c>Origin</c> must be this server (its Host), and <c>Sec-Fetch-Site</c>, when sent, same-origin or none. On an
/// endpoint that changes state (<see cref="ChangesState"/>) and carries no <c>Authorization</c>: a JSON body or the
/// <c>X-CxReports-Request</c> header, neither of which a cross-site form or simple request can carry. <c>POST
/// /api/check</c> changes nothing and a cross-site page cannot read its answer (no CORS), so its documented
/// <c>text/plain</c> body needs no header. Answers 403 problem+json naming the header at fault.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IProblemDetailsService problems)
{
    public const string RequestHeader = "X-CxReports-Request";

    public async Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            await next(http);
            return;
        }
        if (Refusal(http) is { } refusal)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Cross-site request refused", Detail = refusal.Detail };
            problem.Extensions["header"] = refusal.Header;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            return;
        }
        await next(http);
    }

    private static (string Header, string Detail)? Refusal(HttpContext http)
    {
        var request = http.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !SameAuthority(origin, request))
            return (HeaderNames.Origin, $"the request comes from '{Requests.RequestReader.Shorten(origin)}', not from this server ({request.Scheme}://{request.Host})");
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return ("Sec-Fetch-Site", $"the browser says this request comes from a {Requests.RequestReader.Shorten(site)} page");
        if (http.GetEndpoint()?.Metadata.GetMetadata<ChangesState>() is null || request.Headers.Authorization.Count > 0) return null;
        var json = request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                                       || type.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return json || request.Headers.ContainsKey(RequestHeader)
            ? null
            : (RequestHeader, $"{request.Method} {request.Path} changes the server: send the header '{RequestHeader}: 1' (or a JSON body), which a page on another site cannot make a browser send");
    }

    /// <summary>Whether an Origin (scheme://host[:port]) names the host and port the request was sent to.</summary>
    private static bool SameAuthority(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        var requestPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == requestPort;
    }
}

/// <summary>Endpoint metadata: the endpoint changes the server's state (reload, run and deliver), so cross-site requests are refused.</summary>
public sealed record ChangesState;
