using System.Text;
using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;
using CxReports.Engine.Scheduling;

namespace CxReports.Rendering.Alerts;

/// <summary>
/// What each channel receives about an alert's notices: email the subject and text of <see cref="AlertEmail"/>, the
/// webhook the JSON of <see cref="AlertWebhookJson"/>, Slack the Block Kit body of <see cref="SlackPayload"/>, Teams the
/// Adaptive Card of <see cref="TeamsPayload"/>; each links to the alert under <paramref name="publicUrl"/> when it is given.
/// </summary>
public sealed class AlertMessageWriter(string? publicUrl = null) : IAlertMessageWriter
{
    public OutgoingMessage Write(AlertModel alert, AlertEvaluation evaluation, IReadOnlyList<AlertNotice> notices, AlertTargetModel target, string idempotencyKey)
    {
        var message = AlertMessage.Of(alert, evaluation, notices, publicUrl);
        var (subject, text) = AlertEmail.Of(message);
        var body = target.Channel switch
        {
            AlertChannel.Email => null,
            AlertChannel.Webhook => AlertWebhookJson.Of(alert.Name, evaluation, message),
            AlertChannel.Slack => SlackPayload.Of(message),
            _ => TeamsPayload.Of(message),
        };
        return new OutgoingMessage(target.Address, idempotencyKey, subject, text, null, [],
            body is null ? null : new DeliveryDocument("json", $"{alert.Name}.json", "application/json", Encoding.UTF8.GetBytes(body)));
    }
}
