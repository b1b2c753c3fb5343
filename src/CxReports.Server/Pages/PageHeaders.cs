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
