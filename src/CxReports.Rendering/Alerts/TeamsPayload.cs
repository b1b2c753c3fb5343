using System.Text;
using System.Text.Json.Nodes;

namespace CxReports.Rendering.Alerts;

/// <summary>
/// The body of a Microsoft Teams workflow webhook ("post to a channel when a webhook request is received"): a message
/// with one attachment, an Adaptive Card 1.4 with the title, the periods, a fact per segment, the minimum-sample note
/// and, when the server has a public address, an "Open in CxReports" action to the alert's page. Teams refuses a
/// message over 28 KB, so long texts are cut and a card that would still be larger lists fewer segments.
/// </summary>
public static class TeamsPayload
{
    /// <summary>The largest message Teams accepts, in bytes of UTF-8.</summary>
    public const int MaxBytes = 28 * 1024;

    // Segment names are data (a city, a plan); these cuts keep the title, the note and every fact small enough that the
    // card without segments is always far under MaxBytes, whatever the data holds.
    private const int TitleLimit = 400;
    private const int FactLimit = 600;
    private const int NoteLimit = 2000;

    public static string Of(AlertMessage message)
    {
        var (lines, leftOut) = message.Listed;
        // A refused message would be a notice lost for good (4xx is not retried): drop segments from the end until it
        // fits, and count them in the "and N more" fact.
        for (var shown = lines.Count; ; shown--)
        {
            var json = Card(message, lines.Take(shown), leftOut + lines.Count - shown);
            if (shown == 0 || Encoding.UTF8.GetByteCount(json) <= MaxBytes) return json;
        }
    }

    private static string Card(AlertMessage message, IEnumerable<AlertMessageLine> lines, int leftOut)
    {
        var facts = new JsonArray();
        foreach (var line in lines)
            facts.Add(new JsonObject { ["title"] = ChatText.Cut(line.Segment, FactLimit), ["value"] = ChatText.Cut(line.Detail, FactLimit) });
        if (leftOut > 0) facts.Add(new JsonObject { ["title"] = "…", ["value"] = $"and {leftOut} more" });
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = ChatText.Cut(message.Title, TitleLimit), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Periods, ["isSubtle"] = true, ["spacing"] = "None", ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (message.MinimumNote is { } note)
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = ChatText.Cut(note, NoteLimit), ["isSubtle"] = true, ["wrap"] = true });
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
