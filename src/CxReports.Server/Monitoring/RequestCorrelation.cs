using Microsoft.Extensions.Primitives;

namespace CxReports.Server.Monitoring;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Request-Id</c> when it is a plain token (letters, digits and
/// <c>-_.:+/=</c>, at most <see cref="MaxLength"/> characters), else the request's W3C trace id. Every log line written
/// while the request is handled carries it (a log scope, <c>CorrelationId</c>), and the response echoes it in
/// <c>X-Request-Id</c>, so a caller can quote it and an operator find the lines. Anything else in the header (control
/// characters, spaces, quotes, non-ASCII, too long, given twice) is not taken: a log line never holds what a caller
/// typed beyond a plain token.
/// </summary>
public sealed class RequestCorrelation(RequestDelegate next, ILogger<RequestCorrelation> log)
{
    public const string Header = "X-Request-Id";

    public const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext http)
    {
        using var activity = RequestActivity.Start(http);
        var id = Id(http);
        // On starting, not now: the exception handler clears the headers of a response it replaces with a problem.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        // RequestId and RequestPath: the scope ASP.NET's hosting gave every line before it was switched off (RequestActivity).
        using (log.BeginScope(new LogScope(("CorrelationId", id), ("RequestId", http.TraceIdentifier), ("RequestPath", http.Request.Path.Value))))
            await next(http);
    }

    /// <summary>The request's correlation id: the caller's when <see cref="Accepted"/>, else the trace id of the request's activity.</summary>
    public static string Id(HttpContext http) => Accepted(http.Request.Headers[Header]) ?? RequestActivity.TraceId(http).ToHexString();

    /// <summary>The caller's id when it is one plain token of at most <see cref="MaxLength"/> characters; else null.</summary>
    public static string? Accepted(StringValues header) =>
        header is [{ Length: > 0 and <= MaxLength } id] && id.All(IsPlain) ? id : null;

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '+' or '/' or '=';
}
