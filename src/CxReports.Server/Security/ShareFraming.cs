using CxReports.Server.Settings;

namespace CxReports.Server.Security;

/// <summary>
/// Which sites may show a shared report in a frame: the origins of <c>Cxr:Access:ShareFrameAncestors</c>, none by
/// default. Only share responses may be framed at all; the headers also keep the link itself out of Referer headers
/// and out of shared caches.
/// </summary>
public static class ShareFraming
{
    public static void Apply(HttpResponse response, AccessOptions access)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "frame-ancestors " + FrameAncestors(access);
        if (access.ShareFrameAncestors.Length == 0) headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>The sources of the <c>frame-ancestors</c> directive for shared reports: the configured origins, else <c>'none'</c>.</summary>
    public static string FrameAncestors(AccessOptions access) =>
        access.ShareFrameAncestors.Length == 0 ? "'none'" : string.Join(' ', access.ShareFrameAncestors.Select(o => o.TrimEnd('/')));
}
