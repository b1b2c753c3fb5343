using System.Net.Sockets;
using CxReports.Dsl.Model;
using CxReports.Engine.Scheduling;
using CxReports.Server.Settings;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CxReports.Server.Delivery;

/// <summary>
/// Sends by SMTP (MailKit): a report as a short HTML and text body with the headline KPIs and the documents attached,
/// an alert's notices as text.
/// The Message-Id comes from the idempotency key, so a duplicate would be recognisable. Connection problems and
/// 4xx replies are transient; 5xx replies and authentication failures are not. Credentials are never logged.
/// </summary>
public sealed class EmailChannel(DeliveryOptions options) : IDeliveryChannel, IMessageChannel
{
    public DeliveryKind Kind => DeliveryKind.Email;

    string IMessageChannel.Kind => "email";

    /// <summary>A report's delivery: the headline KPIs as text and HTML, the documents attached.</summary>
    public Task DeliverAsync(DeliveryContext context, CancellationToken cancellation) => SendAsync(
        new OutgoingMessage(context.Target, context.IdempotencyKey, context.Subject, EmailBody.Text(context.Evaluated), EmailBody.Html(context.Evaluated),
            context.Documents, null), cancellation);

    public async Task SendAsync(OutgoingMessage outgoing, CancellationToken cancellation)
    {
        if (options.SmtpHost is not { Length: > 0 } host)
            throw new DeliveryException("no SMTP server is configured (CXR_SMTP_HOST or Delivery:SmtpHost)", transient: false);
        var message = Message(outgoing);
        using var client = new SmtpClient();
        try
        {
            var security = options.SmtpSecurity switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(host, options.SmtpPort, security, cancellation);
            if (options.SmtpUser is { Length: > 0 } user)
                await client.AuthenticateAsync(user, options.SmtpPassword ?? "", cancellation);
            await client.SendAsync(message, cancellation);
            await client.DisconnectAsync(quit: true, cancellation);
        }
        catch (SmtpCommandException e)
        {
            throw new DeliveryException($"SMTP {host} refused the message: {(int)e.StatusCode} {e.Message}", transient: (int)e.StatusCode < 500, e);
        }
        catch (AuthenticationException e)
        {
            throw new DeliveryException($"SMTP {host}: authentication failed", transient: false, e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            throw new DeliveryException($"SMTP {host}:{options.SmtpPort} unreachable: {e.Message}", transient: true, e);
        }
    }

    private MimeMessage Message(OutgoingMessage outgoing)
    {
        var message = new MimeMessage
        {
            Subject = outgoing.Subject,
            MessageId = $"{outgoing.IdempotencyKey}@cxreports",
        };
        message.From.Add(MailboxAddress.Parse(options.SmtpFrom));
        message.To.Add(MailboxAddress.Parse(outgoing.Target));
        var body = new BodyBuilder { TextBody = outgoing.Text, HtmlBody = outgoing.Html };
        foreach (var document in outgoing.Attachments)
            body.Attachments.Add(document.FileName, document.Content, ContentType.Parse(document.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
