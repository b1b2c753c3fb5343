using System.Text.Json.Nodes;

namespace CxReports.Rendering.Alerts;

/// <summary>
/// The body of a Microsoft Teams workflow webhook ("post to a channel when a webhook request is received"): a message
/// with one attachment, an Adaptive Card 1.4 with the title, the periods, a fact per segment, the minimum-sample note
/// and, when the server has a public address, an "Open in CxReports" action to the alert's page.
/// </summary>
public static class TeamsPayload
{
    public static string Of(AlertMessage message)
    {
        var (lines, leftOut) = message.Listed;
        var facts = new JsonArray();
        foreach (var line in lines)
            facts.Add(new JsonObject { ["title"] = line.Segment, ["value"] = line.Detail });
        if (leftOut > 0) facts.Add(new JsonObject { ["title"] = "…", ["value"] = $"and {leftOut} more" });
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Periods, ["isSubtle"] = true, ["spacing"] = "None", ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (message.MinimumNote is { } note) body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = note, ["isSubtle"] = true, ["wrap"] = true });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (message.Link is { } link)
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in CxReports", ["url"] = link } };
        var attachment = new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card };
        return new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray { attachment } }.ToJsonString();
    }
}
