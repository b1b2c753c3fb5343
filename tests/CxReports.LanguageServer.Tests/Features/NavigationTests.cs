using System.Text.Json.Nodes;
using static CxReports.LanguageServer.Tests.Requests;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Go to definition, find references and rename across the files of the model, over stdio.</summary>
public sealed class NavigationTests
{
    [Fact]
    public void A_metric_used_in_a_report_goes_to_its_declaration_in_another_file()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        // "    kpi nps, responses_n": nps at character 8 of line 4.
        var result = server.Request("textDocument/definition", At(folder.UriOf("weekly.cxr"), 4, 9))!.AsArray();
        var location = Assert.Single(result)!;
        Assert.Equal(folder.UriOf("metrics.cxr"), (string?)location["uri"]);
        Assert.Equal((0, 7, 10), RangeOf(location["range"]!)); // "metric nps": the name, not the function nps(...)
    }

    [Fact]
    public void A_field_through_a_link_goes_to_the_field_of_the_linked_source()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var plan = Find(SmallModel.Report, 6, "plan");
        var location = Assert.Single(server.Request("textDocument/definition", At(folder.UriOf("weekly.cxr"), plan))!.AsArray())!;
        Assert.Equal(folder.UriOf("sources.cxr"), (string?)location["uri"]);
        Assert.Equal((2, 9, 13), RangeOf(location["range"]!)); // "  column plan"
    }

    [Fact]
    public void References_of_a_field_are_its_declaration_and_every_path_to_it_in_every_file()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var parameters = At(folder.UriOf("metrics.cxr"), Find(SmallModel.Metrics, 0, "score"));
        parameters["context"] = new JsonObject { ["includeDeclaration"] = true };
        var found = server.Request("textDocument/references", parameters)!.AsArray()
            .Select(l => ((string?)l!["uri"], RangeOf(l["range"]!))).OrderBy(l => l.Item1).ThenBy(l => l.Item2.Line).ToArray();
        Assert.Equal([
            (folder.UriOf("metrics.cxr"), (0, 48, 53)),   // nps(responses.score)
            (folder.UriOf("metrics.cxr"), (2, 52, 57)),   // where responses.score >= 9
            (folder.UriOf("sources.cxr"), (12, 9, 14)),   // column score: integer
        ], found);
    }

    [Fact]
    public void Renaming_a_metric_renames_its_uses_in_reports_and_leaves_the_function_of_the_same_name()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var parameters = At(folder.UriOf("weekly.cxr"), 5, 11); // "    table nps by channel"
        Assert.Equal("nps", (string?)server.Request("textDocument/prepareRename", parameters)!["placeholder"]);
        parameters["newName"] = "net_promoter";
        var changes = server.Request("textDocument/rename", parameters)!["changes"]!.AsObject();
        var inMetrics = Assert.Single(changes[folder.UriOf("metrics.cxr")]!.AsArray())!;
        Assert.Equal((0, 7, 10), RangeOf(inMetrics["range"]!));
        Assert.Equal("net_promoter", (string?)inMetrics["newText"]);
        var inReport = changes[folder.UriOf("weekly.cxr")]!.AsArray().Select(e => RangeOf(e!["range"]!)).OrderBy(r => r.Line).ToArray();
        Assert.Equal([(4, 8, 11), (5, 10, 13), (6, 15, 18)], inReport);
    }

    [Fact]
    public void Renaming_a_field_without_a_file_column_keeps_reading_the_old_column()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var parameters = At(folder.UriOf("weekly.cxr"), Find(SmallModel.Report, 5, "channel"));
        parameters["newName"] = "kanal";
        var changes = server.Request("textDocument/rename", parameters)!["changes"]!.AsObject();
        var inSources = changes[folder.UriOf("sources.cxr")]!.AsArray().Select(e => (RangeOf(e!["range"]!), (string?)e["newText"])).ToArray();
        // "  column channel" becomes "  column kanal = \"channel\"".
        Assert.Equal([((13, 9, 16), "kanal"), ((13, 16, 16), " = \"channel\"")], inSources);
        var inReport = Assert.Single(changes[folder.UriOf("weekly.cxr")]!.AsArray())!;
        Assert.Equal((5, 17, 24), RangeOf(inReport["range"]!));
    }

    [Fact]
    public void Renaming_a_labelled_link_without_a_file_column_writes_the_old_column_after_the_label()
    {
        using var folder = new ReportsFolder(("sources.cxr", SmallModel.Sources.Replace("link customer = musteri_no -> customers", "link customer \"Müşteri\" -> customers")),
            ("metrics.cxr", SmallModel.Metrics), ("weekly.cxr", SmallModel.Report));
        using var server = LspProcess.Initialized(folder.Root);
        var parameters = At(folder.UriOf("weekly.cxr"), Find(SmallModel.Report, 6, "customer"));
        parameters["newName"] = "client";
        var changes = server.Request("textDocument/rename", parameters)!["changes"]!.AsObject();
        var inSources = changes[folder.UriOf("sources.cxr")]!.AsArray().Select(e => (RangeOf(e!["range"]!), (string?)e["newText"])).ToArray();
        // "  link customer \"Müşteri\" -> customers" becomes "  link client \"Müşteri\" = customer -> customers".
        Assert.Equal([((10, 7, 15), "client"), ((10, 25, 25), " = customer")], inSources);
    }

    [Fact]
    public void A_rename_to_a_taken_or_invalid_name_is_refused_with_the_reason()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var parameters = At(folder.UriOf("weekly.cxr"), 4, 9);
        parameters["newName"] = "responses_n";
        var taken = server.Call("textDocument/rename", parameters)["error"]!;
        Assert.Equal("'responses_n' is already defined (metric)", (string?)taken["message"]);
        parameters["newName"] = "9 lives";
        Assert.Equal(-32602, (int)server.Call("textDocument/rename", parameters)["error"]!["code"]!);
        var keyword = At(folder.UriOf("weekly.cxr"), 2, 3); // "grain"
        Assert.Null(server.Request("textDocument/prepareRename", keyword));
    }
}
