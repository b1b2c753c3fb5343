using System.Text.Json.Nodes;
using static CxReports.LanguageServer.Tests.Requests;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Completion and signature help over stdio, in the places CXR text is typed.</summary>
public sealed class CompletionTests
{
    [Fact]
    public void After_a_source_and_a_dot_the_fields_of_the_source_are_offered()
    {
        var labels = Complete("metric x = mean(responses.", 0, 26);
        Assert.Equal(["answered_at", "channel", "customer", "score", "yanit_no"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void After_a_link_and_a_dot_the_fields_of_the_linked_source_are_offered()
    {
        var labels = Complete("metric x = count(responses) where responses.customer.", 0, 53);
        Assert.Equal(["musteri_no", "plan", "signup", "şehir"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_an_expression_metrics_sources_and_functions_are_offered()
    {
        var labels = Complete("metric x = ", 0, 11);
        Assert.Contains("nps", labels);
        Assert.Contains("responses_n", labels);
        Assert.Contains("responses", labels);
        Assert.Contains("percentile", labels);
        Assert.Contains("ltv", labels);
        Assert.DoesNotContain("section", labels);
    }

    [Fact]
    public void At_the_start_of_a_line_the_keywords_of_the_enclosing_block_are_offered()
    {
        const string text = "report r {\n  section \"S\" {\n    \n  }\n  \n}\nsource s from \"s.csv\" {\n  \n}\n";
        Assert.Equal(["kpi", "chart", "table", "cohort", "scores", "scenario", "text"], Complete(text, 2, 4));
        Assert.Contains("schedule", Complete(text, 4, 2));
        Assert.Contains("lifecycle", Complete(text, 7, 2));
        Assert.Contains("report", Complete("", 0, 0));
    }

    [Fact]
    public void The_model_block_is_offered_as_a_declaration_and_inside_it_its_three_settings()
    {
        Assert.Contains("model", Complete("", 0, 0));
        Assert.DoesNotContain("currency", Complete("", 0, 0)); // a top-level currency line is read, but the block is the way to write it
        Assert.Equal(["timezone", "locale", "currency"], Complete("model {\n  \n}\n", 1, 2));
    }

    [Fact]
    public void In_an_alert_its_lines_and_after_notify_or_a_comma_the_channels_are_offered()
    {
        const string text = "alert a {\n  \n  notify \n  notify slack \"https://x.example\", \n}\n";
        Assert.Contains("alert", Complete("", 0, 0));
        Assert.Equal(["when", "min", "significance", "grain", "check", "notify"], Complete(text, 1, 2));
        Assert.Equal(["slack", "teams", "email", "webhook"], Complete(text, 2, 9));
        Assert.Equal(["slack", "teams", "email", "webhook"], Complete(text, 3, 36));
    }

    [Fact]
    public void After_chart_the_chart_kinds_and_after_a_colon_in_a_source_the_types()
    {
        Assert.Equal(["line", "bar", "area", "stacked"], Complete("report r {\n  section \"S\" {\n    chart \n  }\n}\n", 2, 10));
        Assert.Equal(["text", "integer", "decimal", "boolean", "date", "timestamp"], Complete("source s from \"s.csv\" {\n  column age: \n}\n", 1, 14));
    }

    [Theory]
    [InlineData("timezone", "Europe/Ist", "Europe/Istanbul")]
    [InlineData("locale", "tr-", "tr-TR")]
    public void In_a_time_zone_or_locale_string_the_values_starting_with_what_is_typed_are_offered_replacing_it(string setting, string typed, string offered)
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, $"report r {{\n  {setting} \"{typed}\"\n}}\n");
        var inside = 2 + setting.Length + 2; // two spaces of indent, the setting, a space and the opening quote
        var cursor = inside + typed.Length;
        var items = server.Request("textDocument/completion", At(uri, 1, cursor))!.AsArray();
        var item = Assert.Single(items, i => (string?)i!["label"] == offered)!;
        Assert.Equal((1, inside, cursor), RangeOf(item["textEdit"]!["range"]!));
        Assert.All(items, i => Assert.StartsWith(typed, (string?)i!["label"]));
    }

    [Fact]
    public void Signature_help_names_the_function_and_the_parameter_being_typed()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, "metric p90 = percentile(responses.score, \n");
        var help = server.Request("textDocument/signatureHelp", At(uri, 0, 41))!;
        Assert.Equal("percentile(value, p)", (string?)help["signatures"]![0]!["label"]);
        Assert.Equal(["value", "p"], help["signatures"]![0]!["parameters"]!.AsArray().Select(p => (string?)p!["label"]));
        Assert.Equal(1, (int)help["activeParameter"]!);
    }

    /// <summary>The labels offered at a position of a new document in the small model, in the order sent.</summary>
    private static string[] Complete(string text, int line, int character)
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("draft.cxr");
        server.Open(uri, text);
        return server.Request("textDocument/completion", At(uri, line, character))!.AsArray().Select(i => (string)i!["label"]!).ToArray();
    }
}
