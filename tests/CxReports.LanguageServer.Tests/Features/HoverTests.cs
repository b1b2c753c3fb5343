using static CxReports.LanguageServer.Tests.Requests;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Hover over stdio: what a metric means, where a field comes from, what a function computes.</summary>
public sealed class HoverTests
{
    [Fact]
    public void A_metric_shows_its_label_definition_and_unit()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var hover = server.Request("textDocument/hover", At(folder.UriOf("weekly.cxr"), 5, 11))!;
        var text = (string?)hover["contents"]!["value"];
        Assert.Equal("""
            **Net Promoter Score** — metric `nps`

            ```cxr
            metric nps "Net Promoter Score" = nps(responses.score)
            ```
            unit: score · 1 decimal · higher is better
            """, text);
        Assert.Equal((5, 10, 13), RangeOf(hover["range"]!));
    }

    [Fact]
    public void A_field_shows_its_label_file_column_type_and_source()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var hover = server.Request("textDocument/hover", At(folder.UriOf("weekly.cxr"), Find(SmallModel.Report, 6, "plan")))!;
        Assert.Equal("**Paket** — field of source `customers`\n\n```cxr\ncolumn plan = \"paket\": text\n```", (string?)hover["contents"]!["value"]);
    }

    [Fact]
    public void A_source_shows_its_label_and_first_line()
    {
        using var folder = new ReportsFolder(("sources.cxr", SmallModel.Sources.Replace("source responses from", "source responses \"Anket yanıtları\" from")),
            ("metrics.cxr", SmallModel.Metrics), ("weekly.cxr", SmallModel.Report));
        using var server = LspProcess.Initialized(folder.Root);
        var hover = server.Request("textDocument/hover", At(folder.UriOf("metrics.cxr"), 1, 29))!; // count(responses)
        Assert.Equal("**Anket yanıtları** — source `responses`\n\n```cxr\nsource responses \"Anket yanıtları\" from \"anketler.csv\" {\n  ...\n```",
            (string?)hover["contents"]!["value"]);
    }

    [Fact]
    public void A_function_shows_its_signature_and_what_it_computes()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var hover = server.Request("textDocument/hover", At(folder.UriOf("metrics.cxr"), 0, 35))!; // nps( at 34
        Assert.Equal("```cxr\nnps(value)\n```\nNet Promoter Score, -100..100. Unit: score. Higher is better. Blank in a bucket without rows.",
            (string?)hover["contents"]!["value"]);
    }

    [Fact]
    public void A_keyword_has_no_hover()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        Assert.Null(server.Request("textDocument/hover", At(folder.UriOf("weekly.cxr"), 2, 3)));
    }
}
