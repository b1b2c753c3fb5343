using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests;

/// <summary>Parameters of the requests the tests send, and where a text sits in a document (0-based line, UTF-16 character).</summary>
public static class Requests
{
    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    /// <summary>The position of the <paramref name="nth"/> (0-based) occurrence of <paramref name="word"/> on the 0-based line of the text.</summary>
    public static (int Line, int Character) Find(string text, int line, string word, int nth = 0)
    {
        var content = text.Split('\n')[line];
        var at = -1;
        for (var i = 0; i <= nth; i++) at = content.IndexOf(word, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{word}' not on line {line}: {content}");
        return (line, at);
    }

    public static JsonObject At(string uri, (int Line, int Character) position) => At(uri, position.Line, position.Character);

    public static (int Line, int Start, int End) RangeOf(JsonNode range) =>
        ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["character"]!);
}
