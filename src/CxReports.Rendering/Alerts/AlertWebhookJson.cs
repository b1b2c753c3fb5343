using System.Text.Json.Nodes;
using CxReports.Engine.Alerts;

namespace CxReports.Rendering.Alerts;

/// <summary>
/// The signed generic webhook's JSON: the alert, the periods, and per segment its name, dimension values, the change
/// of state (<c>fired</c> or <c>back_to_normal</c>), the raw numbers (null when undefined) and the test's p-value and
/// interval; the minimum-sample note as text.
/// </summary>
public static class AlertWebhookJson
{
    public static string Of(string alert, AlertEvaluation evaluation, AlertMessage message)
    {
        var segments = new JsonArray();
        foreach (var line in message.Lines)
        {
            var s = line.Evaluated;
            segments.Add(new JsonObject
            {
                ["segment"] = s.Name,
                ["key"] = new JsonArray([.. s.Key.Select(k => k is null ? null : JsonValue.Create(k.ToString()))]),
                ["state"] = line.Kind == AlertNoticeKind.Fired ? "fired" : "back_to_normal",
                ["value"] = s.Value,
                ["previous"] = s.Previous,
                ["change"] = s.Change,
                ["guard"] = s.Guard,
                ["previousGuard"] = s.PreviousGuard,
                ["pValue"] = s.Significance?.PValue,
                ["low"] = s.Significance?.Low,
                ["high"] = s.Significance?.High,
            });
        }
        return new JsonObject
        {
            ["alert"] = alert,
            ["title"] = message.Title,
            ["period"] = Period(evaluation.Period.From, evaluation.Period.To),
            ["earlier"] = evaluation.Earlier is { } e ? Period(e.From, e.To) : null,
            ["segments"] = segments,
            ["minimumNote"] = message.MinimumNote,
            ["link"] = message.Link,
        }.ToJsonString();
    }

    private static JsonObject Period(DateOnly from, DateOnly to) => new()
    {
        ["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
