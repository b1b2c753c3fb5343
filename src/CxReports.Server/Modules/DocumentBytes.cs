using CxReports.Server.Serving;

namespace CxReports.Server.Modules;

/// <summary>
/// A cached document as the response body with its media type and length: what <c>TypedResults.Bytes</c> sends (no
/// range, no preconditions), without the logger it creates on every response, which takes a lock shared by all requests.
/// </summary>
public sealed class DocumentBytes(RenderedDocument document) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = document.ContentType;
        httpContext.Response.ContentLength = document.Content.Length;
        return httpContext.Response.Body.WriteAsync(document.Content, httpContext.RequestAborted).AsTask();
    }
}
