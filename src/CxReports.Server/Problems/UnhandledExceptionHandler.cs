using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CxReports.Server.Problems;

/// <summary>
/// The last answer to an exception no endpoint turned into a problem. The client gets a short problem+json with a
/// <c>traceId</c> and never an exception message, a stack trace or SQL; the server log gets the details under the same
/// id. Requests Kestrel refuses while reading the body (too large, too slow) get their own 4xx and one warning line,
/// and a client that went away one debug line, so that neither floods the log with stack traces.
/// </summary>
public sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
        var request = $"{http.Request.Method} {http.Request.Path}";
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                log.LogWarning("{Request} refused with {Status}: {Reason} (traceId {TraceId})", request, bad.StatusCode, bad.Message, traceId);
                problem = Refused(bad);
                break;
            case OperationCanceledException or IOException when http.RequestAborted.IsCancellationRequested:
                log.LogDebug("{Request}: the client went away ({Reason})", request, exception.Message);
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return true;
            case DbException:
                log.LogError(exception, "{Request}: the warehouse refused a statement (traceId {TraceId}): {Reason}", request, traceId, exception.Message);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Warehouse error",
                    Detail = $"the warehouse could not compute this answer; the server log has the details under traceId {traceId}",
                };
                break;
            default:
                log.LogError(exception, "{Request} failed (traceId {TraceId})", request, traceId);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Internal error",
                    Detail = $"the server could not answer this request; the server log has the details under traceId {traceId}",
                };
                break;
        }
        problem.Extensions["traceId"] = traceId;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>Kestrel's own reasons (its messages name the limit and hold nothing of the request) with the setting to change.</summary>
    private static ProblemDetails Refused(BadHttpRequestException bad)
    {
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status408RequestTimeout => "Request body too slow",
                _ => "Bad request",
            },
            Detail = bad.Message,
        };
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) problem.Extensions["limit"] = "Cxr:MaxRequestBodyBytes";
        return problem;
    }
}
