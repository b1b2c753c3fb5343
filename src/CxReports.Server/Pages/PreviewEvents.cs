using System.Text;
using CxReports.Server.Problems;
using CxReports.Server.Serving;

namespace CxReports.Server.Pages;

/// <summary>
/// <c>GET /events</c> in preview: a server-sent event stream that says <c>reload</c> when the served model changes (a
/// report file saved and accepted) or a change is refused, so the page reloads itself: within the reload's debounce
/// plus one check interval of a save.
/// </summary>
public static class PreviewEvents
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);
    private static int _streams;

    public static async Task<IResult> Stream(HttpContext http, ServingStore store, TimeProvider time)
    {
        if (http.RequestServices.GetService<PreviewMode>() is null) return TypedResults.NotFound();
        if (Interlocked.Increment(ref _streams) > PreviewMode.MaxStreams)
        {
            Interlocked.Decrement(ref _streams);
            return ServerProblem.Busy($"at most {PreviewMode.MaxStreams} pages follow the preview at once; close some tabs").ToResult();
        }
        try
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            var seen = Version(store);
            var quiet = time.GetUtcNow();
            await Write(http, ": following the served model\n\n");
            while (!http.RequestAborted.IsCancellationRequested)
            {
                await Task.Delay(CheckEvery, time, http.RequestAborted);
                var now = Version(store);
                if (now != seen)
                {
                    seen = now;
                    await Write(http, $"event: reload\ndata: {now}\n\n");
                    quiet = time.GetUtcNow();
                }
                else if (time.GetUtcNow() - quiet > KeepAliveEvery)
                {
                    await Write(http, ": still here\n\n");
                    quiet = time.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _streams);
        }
        return TypedResults.Empty;
    }

    /// <summary>What a page shows depends on: the model generation and the last refused change.</summary>
    private static string Version(ServingStore store) => $"{store.Current?.Generation ?? 0}-{store.LastFailure?.At.UtcTicks ?? 0}";

    private static async Task Write(HttpContext http, string text)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
