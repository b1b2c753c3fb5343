using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Document and workspace symbols over stdio.</summary>
public sealed class OutlineTests
{
    [Fact]
    public void The_outline_lists_the_declarations_with_the_fields_of_each_source()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var symbols = server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = folder.UriOf("sources.cxr") } })!.AsArray();
        Assert.Equal(["customers", "responses"], symbols.Select(s => (string)s!["name"]!));
        Assert.Equal(["musteri_no", "plan", "şehir", "signup"], symbols[0]!["children"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal((0, 7, 16), Requests.RangeOf(symbols[0]!["selectionRange"]!));
        Assert.Equal(0, (int)symbols[0]!["range"]!["start"]!["line"]!);
        Assert.Equal(6, (int)symbols[0]!["range"]!["end"]!["line"]!);
    }

    [Fact]
    public void A_workspace_search_finds_declarations_in_every_file_by_part_of_their_name()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var found = server.Request("workspace/symbol", new JsonObject { ["query"] = "RESP" })!.AsArray();
        Assert.Equal(["responses", "responses_n"], found.Select(s => (string)s!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(folder.UriOf("sources.cxr"), (string?)found.First(s => (string?)s!["name"] == "responses")!["location"]!["uri"]);
    }
}
