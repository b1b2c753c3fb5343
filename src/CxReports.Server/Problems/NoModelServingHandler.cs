using Microsoft.AspNetCore.Diagnostics;

namespace CxReports.Server.Problems;

/// <summary>
/// Answers a request that needs a model while none is serving with 503 problem+json and <c>Retry-After</c>: the
/// condition is the server's, it clears as soon as the report files are fixed (the watcher reloads them).
/// </summary>
public sealed class NoModelServingHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        if (exception is not NoModelServingException) return false;
        http.Response.Headers.RetryAfter = "10";
        await ServerProblem.Of(StatusCodes.Status503ServiceUnavailable, "No model is serving", exception.Message)
            .ToResult().ExecuteAsync(http);
        return true;
    }
}
