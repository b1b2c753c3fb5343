using System.Text.Json.Nodes;

namespace CxReports.Rendering.Alerts;

/// <summary>
/// The body of a Slack incoming webhook: <c>text</c> (the notification's fallback) and Block Kit <c>blocks</c>: a header
/// (plain text, at most 150 characters), a section per segment (mrkdwn), a context line with the periods and the
/// minimum-sample note, and a link to the alert's page when the server has a public address. Texts are cut to Slack's limits (section text 3,000 characters).
/// </summary>
public static class SlackPayload
{
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;

    public static string Of(AlertMessage message)
    {
        var (lines, leftOut) = message.Listed;
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(ChatText.Cut(message.Title, HeaderLimit)) },
        };
        foreach (var line in lines)
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Markdown(ChatText.Cut(Escape(line.Text), SectionLimit)) });
        if (leftOut > 0) blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Markdown($"and {leftOut} more") });
        var context = new JsonArray { Markdown(Escape(message.Periods)) };
        if (message.MinimumNote is { } note) context.Add(Markdown(ChatText.Cut(Escape(note), SectionLimit)));
        // The link comes from the server's settings, not from data; its text is Slack's <url|label> form.
        if (message.Link is { } link) context.Add(Markdown($"<{link}|Open in CxReports>"));
        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = context });
        return new JsonObject { ["text"] = ChatText.Cut(message.Title, SectionLimit), ["blocks"] = blocks }.ToJsonString();
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>Slack's mrkdwn control characters in data (segment values) as its documented escapes.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
