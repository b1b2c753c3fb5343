using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests.Features;

/// <summary>Diagnostics as you type, over stdio: what <c>cxr check</c> says, where the protocol counts it, for every file a change affects.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void A_valid_model_publishes_empty_diagnostics_for_each_file_at_start()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        foreach (var name in new[] { "sources.cxr", "metrics.cxr", "weekly.cxr" })
            Assert.Empty(server.Diagnostics(folder.UriOf(name)));
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void A_misspelt_function_after_Turkish_letters_and_an_emoji_is_placed_in_UTF16_code_units()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("extra.cxr");
        // "metric şü \"😀 puan\" = " is 22 UTF-16 code units: ş and ü count one each, the emoji two (a surrogate pair).
        server.Open(uri, "metric müşteri_x = 1\nmetric şü \"😀 puan\" = nsp(responses.score)\n");
        var error = Assert.Single(server.Diagnostics(uri, d => d.Count > 0))!.AsObject();
        Assert.Equal("CXR010", (string?)error["code"]);
        Assert.Equal(1, (int)error["range"]!["start"]!["line"]!);
        Assert.Equal(22, (int)error["range"]!["start"]!["character"]!);
        Assert.Equal(1, (int)error["range"]!["end"]!["line"]!);
        Assert.Equal(25, (int)error["range"]!["end"]!["character"]!);
        Assert.Equal("unknown function 'nsp'", (string?)error["message"]);
        Assert.Equal(1, (int)error["severity"]!);
        Assert.Equal("did you mean 'nps'?", (string?)error["relatedInformation"]![0]!["message"]);
    }

    [Fact]
    public void Diagnostics_are_those_of_cxr_check_code_place_message_and_hint()
    {
        using var folder = new ReportsFolder(("sources.cxr", SmallModel.Sources),
            ("metrics.cxr", "metric nps = nsp(responses.score)\nmetric a = count(responsess)\nmetric nps = 1 +\n"));
        var check = RunCheck(folder.Root);
        using var server = LspProcess.Initialized(folder.Root);
        var diagnostics = server.Diagnostics(folder.UriOf("metrics.cxr"));
        var printed = diagnostics.Select(d => d!.AsObject()).Select(d =>
        {
            var start = d["range"]!["start"]!;
            var severity = (int)d["severity"]! == 1 ? "error" : "warning";
            var headline = $"reports/metrics.cxr:{(int)start["line"]! + 1}:{(int)start["character"]! + 1}: {severity} {(string?)d["code"]}: {(string?)d["message"]}";
            return d["relatedInformation"] is JsonArray related ? $"{headline}\n= hint: {(string?)related[0]!["message"]}" : headline;
        }).ToArray();
        var fromCheck = check.Split('\n').Where(l => l.StartsWith("reports/metrics.cxr:", StringComparison.Ordinal) || l.TrimStart().StartsWith("= hint:", StringComparison.Ordinal))
            .Select(l => l.Trim()).ToArray();
        Assert.True(printed.Length >= 3, string.Join("\n", printed));
        Assert.Equal(string.Join("\n", fromCheck), string.Join("\n", printed));
    }

    [Fact]
    public void Removing_a_metric_publishes_the_error_in_the_file_that_uses_it_and_restoring_it_clears_it()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var report = folder.UriOf("weekly.cxr");
        Assert.Empty(server.Diagnostics(report));
        var metrics = folder.UriOf("metrics.cxr");
        server.Open(metrics, SmallModel.Metrics);
        server.Replace(metrics, SmallModel.Metrics.Replace("metric responses_n = count(responses)\n", ""));
        var broken = server.Diagnostics(report, d => d.Count > 0);
        Assert.Equal("unknown metric 'responses_n'", (string?)broken[0]!["message"]);
        Assert.Equal(4, (int)broken[0]!["range"]!["start"]!["line"]!);
        server.Replace(metrics, SmallModel.Metrics, version: 3);
        Assert.Empty(server.Diagnostics(report));
    }

    [Fact]
    public void A_burst_of_changes_ends_with_the_diagnostics_of_the_last_text()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("typing.cxr");
        server.Open(uri, "metric x = 1\n");
        for (var version = 2; version < 40; version++) server.Replace(uri, $"metric x = f{version}(responses.score)\n", version);
        server.Replace(uri, "metric x = last_typed(responses.score)\n", 40);
        var final = server.Diagnostics(uri, d => d.Count > 0 && (string?)d[0]!["message"] == "unknown function 'last_typed'");
        Assert.Single(final);
        server.Replace(uri, "metric x = nps(responses.score)\n", 41);
        Assert.Empty(server.Diagnostics(uri, d => d.Count == 0));
    }

    [Fact]
    public void A_ranged_change_after_an_emoji_edits_the_right_code_units()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("extra.cxr");
        server.Open(uri, "metric x \"😀 puan\" = nps(responses.score)\n");
        Assert.Empty(server.Diagnostics(uri));
        // Replace "nps" by "nsp": 'metric x "😀 puan" = ' is 21 code units (the emoji two), so characters 21..24 of line 0.
        server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(0, 21, 0, 24),
                ["text"] = "nsp",
            }),
        });
        var diagnostics = server.Diagnostics(uri, d => d.Count > 0);
        Assert.Equal("unknown function 'nsp'", (string?)diagnostics[0]!["message"]);
        Assert.Equal(21, (int)diagnostics[0]!["range"]!["start"]!["character"]!);
    }

    [Fact]
    public void A_file_that_does_not_parse_gets_its_syntax_errors_and_the_rest_of_the_model_still_binds()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("broken.cxr");
        server.Open(uri, "metric = = (\nreport {{{ @@\n");
        var diagnostics = server.Diagnostics(uri, d => d.Count > 0);
        Assert.All(diagnostics, d => Assert.StartsWith("CXR0", (string?)d!["code"]));
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "CXR001"); // the stray '@'
        Assert.Empty(server.Diagnostics(folder.UriOf("weekly.cxr")));
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void A_file_outside_the_reports_directory_is_checked_with_the_files_of_its_own_directory()
    {
        using var folder = SmallModel.Folder();
        var outside = Path.Combine(folder.Root, "scratch");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "helper.cxr"), "metric one = 1\n");
        using var server = LspProcess.Initialized(folder.Root);
        var uri = new Uri(Path.Combine(outside, "draft.cxr")).AbsoluteUri;
        server.Open(uri, "metric two = one + nps\n");
        // 'one' is known from its directory; 'nps' lives in the reports model, which this file is not part of.
        var diagnostics = server.Diagnostics(uri, d => d.Count > 0);
        Assert.Equal("unknown metric 'nps'", (string?)Assert.Single(diagnostics)!["message"]);
        server.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Assert.Empty(server.Diagnostics(uri));
    }

    [Fact]
    public void A_deleted_file_leaves_the_model_and_the_files_that_used_it_say_so()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var report = folder.UriOf("weekly.cxr");
        Assert.Empty(server.Diagnostics(report));
        File.Delete(folder.PathOf("metrics.cxr"));
        server.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = folder.UriOf("metrics.cxr"), ["type"] = 3 }),
        });
        var diagnostics = server.Diagnostics(report, d => d.Count > 0);
        Assert.Contains(diagnostics, d => (string?)d!["message"] == "unknown metric 'nps'");
        Assert.Empty(server.Diagnostics(folder.UriOf("metrics.cxr")));
    }

    [Fact]
    public void A_cycle_of_metrics_is_reported_and_the_server_keeps_answering()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("cycle.cxr");
        server.Open(uri, "metric a = b + 1\nmetric b = c * 2\nmetric c = a\n");
        var diagnostics = server.Diagnostics(uri, d => d.Count > 0);
        Assert.Contains(diagnostics, d => ((string?)d!["message"])!.Contains("cycle", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(server.Request("textDocument/formatting", Formatting(uri)));
        Assert.Equal(0, server.Exit());
    }

    internal static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    internal static JsonObject Formatting(string uri) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
    };

    private static string RunCheck(string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cxr.dll"));
        start.ArgumentList.Add("check");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
