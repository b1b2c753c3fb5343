using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Semantic tokens over stdio: each resolved name with what it is, in the protocol's relative encoding.</summary>
public sealed class SemanticTokensTests
{
    [Fact]
    public void Metric_function_source_and_field_names_are_told_apart()
    {
        var data = TokensOf("metric x = nps(responses.score)\n\nmetric y = x\n");
        // Legend: 0 class (source), 1 variable (metric), 2 property (field), 6 function; modifier 1 = declaration.
        Assert.Equal([
            0, 7, 1, 1, 1,    // x: a metric, defined here (line 0, char 7)
            0, 4, 3, 6, 0,    // nps: a function (char 11)
            0, 4, 9, 0, 0,    // responses: a source (char 15)
            0, 10, 5, 2, 0,   // score: a field (char 25)
            2, 7, 1, 1, 1,    // y: a metric defined on line 2, char 7
            0, 4, 1, 1, 0,    // x: the metric used (char 11)
        ], data);
    }

    [Fact]
    public void Columns_count_UTF16_code_units_so_an_emoji_counts_two()
    {
        var data = TokensOf("metric ğx \"😀\" = nps\n");
        // "metric " is 7 units; ğx is 2 (ğ is one UTF-16 unit); then ` "😀" = ` is 1 + 4 + 3 = 8 more: nps starts at 17
        // (counted in code points it would be 16, in UTF-8 bytes 20).
        Assert.Equal([
            0, 7, 2, 1, 1,    // ğx: a metric, defined here
            0, 10, 3, 1, 0,   // nps: the metric used, 10 units after ğx
        ], data);
    }

    /// <summary>The semantic tokens of a new document in the small model, as the protocol encodes them.</summary>
    private static int[] TokensOf(string text)
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, text);
        return server.Request("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } })!["data"]!
            .AsArray().Select(n => (int)n!).ToArray();
    }
}
