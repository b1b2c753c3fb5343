namespace CxReports.Rendering.Alerts;

/// <summary>Texts of chat messages (Slack, Teams) cut to a channel's limit.</summary>
internal static class ChatText
{
    /// <summary>
    /// At most <paramref name="limit"/> characters, the last an ellipsis when cut; never half of a surrogate pair,
    /// which a JSON writer cannot encode and a chat would show as a broken character.
    /// </summary>
    public static string Cut(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var keep = limit - 1;
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + "…";
    }
}
