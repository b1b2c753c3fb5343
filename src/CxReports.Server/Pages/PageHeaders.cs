using Microsoft.Net.Http.Headers;

namespace CxReports.Server.Pages;

/// <summary>
/// The security headers of every page: a Content-Security-Policy that runs only the server's own script files (no
/// inline script, no inline style, nothing from elsewhere), no framing, no MIME sniffing, no referrer beyond the
/// origin; and no caching by shared caches, as pages show data.
/// </summary>
public static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.CacheControl] = "no-cache, private";
    }

    /// <summary>
    /// The headers of a shared report's page: the same policy, except that the origins of
    /// <c>Cxr:Access:ShareFrameAncestors</c> may frame it, the link (a credential) is never sent on as a referrer, and
    /// nothing keeps a copy.
    /// </summary>
    public static void ApplyShared(HttpResponse response, Settings.AccessOptions access)
    {
        Apply(response);
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors " + Security.ShareFraming.FrameAncestors(access), StringComparison.Ordinal);
        if (access.ShareFrameAncestors.Length > 0) headers.Remove(HeaderNames.XFrameOptions);
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.CacheControl] = "private, no-store";
    }

    /// <summary>The endpoint filter that sets them before the page is written.</summary>
    public static TBuilder WithPageHeaders<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            Apply(context.HttpContext.Response);
            return await next(context);
        });
        return builder;
    }
}
