using System.Net.Http.Headers;
using System.Text;
using CxReports.Dsl.Model;
using CxReports.Engine.Scheduling;
using CxReports.Server.Settings;

namespace CxReports.Server.Delivery;

/// <summary>
/// POSTs the report's JSON document or an alert's JSON, signed (<see cref="WebhookSignature"/>) and with an
/// Idempotency-Key so a retried delivery can be recognised. Which failures are retried is <see cref="HttpPost"/>'s rule.
/// A user name and password in the URL (<c>https://user:pass@host/hook</c>) are sent as Basic credentials, not in
/// the request line; every message names the URL redacted (<see cref="RedactedTarget"/>).
/// </summary>
public sealed class WebhookChannel(DeliveryOptions options, HttpClient http, TimeProvider time) : IDeliveryChannel, IMessageChannel
{
    public DeliveryKind Kind => DeliveryKind.Webhook;

    string IMessageChannel.Kind => "webhook";

    /// <summary>A report's delivery: its JSON document (or its first document when it has none).</summary>
    public Task DeliverAsync(DeliveryContext context, CancellationToken cancellation) => SendAsync(
        new OutgoingMessage(context.Target, context.IdempotencyKey, context.Subject, "", null, context.Documents,
            context.Documents.FirstOrDefault(d => d.Format == "json") ?? context.Documents[0]), cancellation);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellation)
    {
        if (options.WebhookSecret is not { Length: > 0 } secret)
            throw new DeliveryException("webhook deliveries are signed: set the webhook secret (CXR_WEBHOOK_SECRET or Delivery:WebhookSecret)", transient: false);
        var shown = RedactedTarget.Of(message.Target);
        if (!Uri.TryCreate(message.Target, UriKind.Absolute, out var target))
            throw new DeliveryException($"\"{shown}\" is not a URL", transient: false);
        var document = message.Body ?? throw new ArgumentException("a webhook message has a body", nameof(message));
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();

        using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(target) { UserName = "", Password = "" }.Uri)
        {
            Content = new ByteArrayContent(document.Content),
        };
        if (BasicCredentials(target) is { } credentials) request.Headers.Authorization = credentials;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, document.Content));
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        await HttpPost.SendAsync(http, request, shown, options.WebhookTimeout, cancellation);
    }

    /// <summary><c>user:pass@</c> of the URL as a Basic Authorization header (each part percent-decoded), or null.</summary>
    private static AuthenticationHeaderValue? BasicCredentials(Uri target)
    {
        if (target.UserInfo.Length == 0) return null;
        var colon = target.UserInfo.IndexOf(':');
        var user = Uri.UnescapeDataString(colon < 0 ? target.UserInfo : target.UserInfo[..colon]);
        var password = colon < 0 ? "" : Uri.UnescapeDataString(target.UserInfo[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
