namespace CxReports.Engine.Scheduling;

/// <summary>
/// What one target receives, whatever was run: an email's subject, text, HTML and attachments, and the JSON body a
/// webhook, Slack or Teams POSTs. A report's delivery and an alert's notice are both written as one; the key makes it
/// idempotent (an email's Message-Id, a webhook's Idempotency-Key).
/// </summary>
public sealed record OutgoingMessage(
    string Target,
    string IdempotencyKey,
    string Subject,
    string Text,
    string? Html,
    IReadOnlyList<DeliveryDocument> Attachments,
    DeliveryDocument? Body);

/// <summary>A channel that sends an <see cref="OutgoingMessage"/>: email, webhook, Slack or Teams (<see cref="Kind"/> as the run log writes it).</summary>
public interface IMessageChannel
{
    string Kind { get; }

    /// <summary>Sends; throws <see cref="DeliveryException"/> (transient when a retry may succeed).</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellation);
}
