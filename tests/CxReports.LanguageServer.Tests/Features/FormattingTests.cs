namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Formatting over stdio: the result of <c>cxr fmt</c> as one edit, nothing for a formatted file or one with syntax errors.</summary>
public sealed class FormattingTests
{
    [Fact]
    public void An_unformatted_file_is_replaced_by_its_canonical_layout()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, "metric   a  =  1+2   # keep me\nsource s from \"s.csv\" {\nkey id\n}");
        var edit = Assert.Single(server.Request("textDocument/formatting", DiagnosticsTests.Formatting(uri))!.AsArray())!;
        Assert.Equal("metric a = 1 + 2  # keep me\n\nsource s from \"s.csv\" {\n  key id\n}\n", (string?)edit["newText"]);
        Assert.Equal((0, 0, 1), Requests.RangeOf(edit["range"]!)); // the whole text: line 0 to the end of the last line (3, 1)
        Assert.Equal(3, (int)edit["range"]!["end"]!["line"]!);
    }

    [Fact]
    public void A_formatted_file_gets_no_edit_and_a_file_with_syntax_errors_is_left_alone_with_a_message()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        Assert.Empty(server.Request("textDocument/formatting", DiagnosticsTests.Formatting(folder.UriOf("weekly.cxr")))!.AsArray());
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, "metric a = (1 +\n");
        Assert.Empty(server.Request("textDocument/formatting", DiagnosticsTests.Formatting(uri))!.AsArray());
        var message = server.Next(m => (string?)m["method"] == "window/showMessage");
        Assert.Equal("reports/draft.cxr: not formatted, it has syntax errors (see Problems)", (string?)message["params"]!["message"]);
    }
}
