using System.Net.Http.Headers;
using CxReports.Engine.Scheduling;
using CxReports.Server.Settings;

namespace CxReports.Server.Delivery;

/// <summary>
/// Posts an alert's message to a chat's incoming webhook: Slack (Block Kit JSON) or a Microsoft Teams workflow
/// (an Adaptive Card). The URL is the credential, so it is only ever named redacted (<see cref="RedactedTarget"/>).
/// Neither service takes an idempotency header, so the runner treats them as at-most-once (a cut-off attempt is in
/// doubt, not resent). 4xx answers are permanent, 5xx, 429 and timeouts (<c>Delivery:WebhookTimeout</c>) transient.
/// </summary>
public sealed class ChatChannel(string kind, DeliveryOptions options, HttpClient http) : IMessageChannel
{
    public string Kind => kind;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellation)
    {
        var shown = RedactedTarget.Of(message.Target);
        if (!Uri.TryCreate(message.Target, UriKind.Absolute, out var target))
            throw new DeliveryException($"\"{shown}\" is not a URL", transient: false);
        var body = message.Body ?? throw new ArgumentException($"a {kind} message has a body", nameof(message));
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body.Content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.ContentType) { CharSet = "utf-8" };
        await HttpPost.SendAsync(http, request, shown, options.WebhookTimeout, cancellation);
    }
}
