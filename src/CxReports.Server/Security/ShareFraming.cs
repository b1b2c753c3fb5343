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
        if (access.ShareFrameAncestors.Length == 0)
        {
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
        }
        else
        {
            headers.ContentSecurityPolicy = "frame-ancestors " + string.Join(' ', access.ShareFrameAncestors.Select(o => o.TrimEnd('/')));
        }
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
    }
}
