using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Quick fixes that apply the did-you-mean hints, over stdio.</summary>
public sealed class CodeActionTests
{
    [Fact]
    public void A_misspelt_function_is_fixed_to_the_suggested_name()
    {
        var (edit, title) = QuickFix("metric x = nsp(responses.score)\n");
        Assert.Equal("Change to 'nps'", title);
        Assert.Equal("nps", (string?)edit["newText"]);
        Assert.Equal((0, 11, 14), Requests.RangeOf(edit["range"]!));
    }

    [Fact]
    public void A_misspelt_field_in_a_path_replaces_only_that_segment()
    {
        var (edit, _) = QuickFix("metric x = mean(responses.scroe)\n");
        Assert.Equal("score", (string?)edit["newText"]);
        Assert.Equal((0, 26, 31), Requests.RangeOf(edit["range"]!));
    }

    [Fact]
    public void A_diagnostic_without_a_suggestion_has_no_quick_fix()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, "metric x = zzzzzzzz(responses.score)\n");
        Assert.NotEmpty(server.Diagnostics(uri, d => d.Count > 0));
        Assert.Empty(server.Request("textDocument/codeAction", Parameters(uri))!.AsArray());
    }

    private static (JsonNode Edit, string Title) QuickFix(string text)
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, text);
        var action = Assert.Single(server.Request("textDocument/codeAction", Parameters(uri))!.AsArray())!;
        Assert.Equal("quickfix", (string?)action["kind"]);
        return (Assert.Single(action["edit"]!["changes"]![uri]!.AsArray())!, (string)action["title"]!);
    }

    private static JsonObject Parameters(string uri) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["range"] = DiagnosticsTests.Range(0, 0, 0, 40),
        ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
    };
}
