using System.Net;
using System.Net.Http.Headers;
using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Scheduling;

namespace CxReports.Server.Delivery;

/// <summary>
/// POSTs the report's JSON document, signed (<see cref="WebhookSignature"/>) and with an Idempotency-Key so a
/// retried delivery can be recognised. Network errors, timeouts and 5xx are transient (retried); 4xx are not.
/// </summary>
public sealed class WebhookChannel(DeliveryOptions options, HttpClient http, TimeProvider time) : IDeliveryChannel
{
    public DeliveryKind Kind => DeliveryKind.Webhook;

    public async Task DeliverAsync(DeliveryContext context, CancellationToken cancellation)
    {
        if (options.WebhookSecret is not { Length: > 0 } secret)
            throw new DeliveryException("webhook deliveries are signed: set the webhook secret (CXR_WEBHOOK_SECRET or Delivery:WebhookSecret)", transient: false);
        var document = context.Documents.FirstOrDefault(d => d.Format == "json") ?? context.Documents[0];
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();

        using var request = new HttpRequestMessage(HttpMethod.Post, context.Target) { Content = new ByteArrayContent(document.Content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, document.Content));
        request.Headers.Add("Idempotency-Key", context.IdempotencyKey);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.WebhookTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryException($"POST {context.Target} failed: {e.Message}", transient: true, e);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new DeliveryException($"POST {context.Target} timed out after {options.WebhookTimeout.TotalSeconds:0} s", transient: true, e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var status = (int)response.StatusCode;
            throw new DeliveryException($"POST {context.Target} answered {status} {response.ReasonPhrase}",
                transient: status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests);
        }
    }
}
