using System.Net;
using CxReports.Engine.Scheduling;

namespace CxReports.Server.Delivery;

/// <summary>
/// Sends a POST of a webhook channel within its timeout and says how it failed as a <see cref="DeliveryException"/>:
/// network errors, timeouts, 5xx and 429 (rate limited) are transient, retried; any other 4xx is permanent (the URL,
/// payload or credentials are wrong, and a retry would be refused the same). Messages name the URL only as shown.
/// </summary>
public static class HttpPost
{
    public static async Task SendAsync(HttpClient http, HttpRequestMessage request, string shown, TimeSpan timeout, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            // Only the status matters: the receiver's body is never read, so a huge one costs nothing.
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryException($"POST {shown} failed: {e.Message}", transient: true, e);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new DeliveryException($"POST {shown} timed out after {timeout.TotalSeconds:0} s", transient: true, e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var status = (int)response.StatusCode;
            throw new DeliveryException($"POST {shown} answered {status} {response.ReasonPhrase}",
                transient: status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests);
        }
    }
}
