using System.Text;
using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests.Protocol;

/// <summary>What a broken or hostile client sends is answered with a JSON-RPC error; the server never dies and never reads a body it has no room for.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void A_request_before_initialize_is_refused_as_not_initialized_and_initialize_still_works()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Start(folder.Root);
        var early = server.Call("textDocument/hover", new JsonObject());
        Assert.Equal(-32002, (int)early["error"]!["code"]!);
        Assert.NotNull(server.Request("initialize", new JsonObject { ["capabilities"] = new JsonObject() }));
        var again = server.Call("initialize", new JsonObject());
        Assert.Equal(-32600, (int)again["error"]!["code"]!);
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void An_unknown_method_is_method_not_found_and_an_unknown_notification_is_ignored()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        server.Notify("$/someClientThing", new JsonObject());
        var answer = server.Call("cxr/doesNotExist", null);
        Assert.Equal(-32601, (int)answer["error"]!["code"]!);
        Assert.Equal("unknown method 'cxr/doesNotExist'", (string?)answer["error"]!["message"]);
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void Garbage_headers_and_bodies_are_each_answered_and_the_next_message_is_served()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        server.WriteRaw(Encoding.ASCII.GetBytes("this is not a header\r\n\r\n"));
        Assert.Equal(-32700, (int)Error(server)["code"]!);
        server.WriteRaw(Encoding.ASCII.GetBytes("Content-Length: twelve\r\n\r\n"));
        Assert.Contains("not a whole number", (string?)Error(server)["message"]);
        server.WriteRaw(Encoding.ASCII.GetBytes("Content-Type: application/json\r\n\r\n"));
        Assert.Equal("the header has no Content-Length", (string?)Error(server)["message"]);
        server.WriteRaw([.. Encoding.ASCII.GetBytes("Content-Length: 5\r\n\r\n"), .. "{\"a\":"u8.ToArray()]);
        Assert.Equal(-32700, (int)Error(server)["code"]!);
        server.WriteRaw([.. Encoding.ASCII.GetBytes("Content-Length: 4\r\n\r\n"), .. "[1] "u8.ToArray()]);
        Assert.Equal(-32600, (int)Error(server)["code"]!);
        server.WriteRaw([.. Encoding.ASCII.GetBytes("Content-Length: 3\r\n\r\n"), 0xC3, 0x28, 0xFF]); // not UTF-8
        Assert.Equal(-32700, (int)Error(server)["code"]!);
        server.Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = new JsonObject(), ["method"] = "shutdown" });
        Assert.Equal(-32600, (int)Error(server)["code"]!);
        server.Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 77, ["method"] = "textDocument/hover", ["params"] = "not an object" });
        Assert.Equal(-32602, (int)server.Answer(77)["error"]!["code"]!);
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void A_header_line_without_end_is_cut_and_a_huge_content_length_is_skipped_not_allocated()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        // A megabyte of header on one line: kept to 8 KiB, reported, the stream stays in step.
        server.WriteRaw([.. Encoding.ASCII.GetBytes("X-Junk: "), .. Enumerable.Repeat((byte)'a', 1 << 20), .. "\r\n\r\n"u8.ToArray()]);
        Assert.Contains("longer than 8192 bytes", (string?)Error(server)["message"]);
        // 64 MiB announced and sent: above the 16 MiB limit, so it is read past in chunks and refused.
        const int huge = 64 << 20;
        server.WriteRaw(Encoding.ASCII.GetBytes($"Content-Length: {huge}\r\n\r\n"));
        var chunk = new byte[1 << 20];
        for (var sent = 0; sent < huge; sent += chunk.Length) server.WriteRaw(chunk);
        Assert.Equal($"a message of {huge} bytes is larger than the limit of 16777216 bytes", (string?)Error(server)["message"]);
        Assert.NotNull(server.Request("workspace/symbol", new JsonObject { ["query"] = "" }));
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void The_message_limit_is_a_setting_of_cxr_lsp()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Start(folder.Root, "reports", "--max-message-bytes", "4096");
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject { ["padding"] = new string('x', 5000) } }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        server.WriteRaw([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);
        Assert.Equal($"a message of {bytes.Length} bytes is larger than the limit of 4096 bytes", (string?)Error(server)["message"]);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("999999999999")]
    [InlineData("many")]
    public void A_message_limit_that_is_not_a_size_is_a_usage_error_naming_the_option(string value)
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Start(folder.Root, "reports", "--max-message-bytes", value);
        Assert.Equal(2, server.Ended());
        Assert.Contains($"--max-message-bytes must be a whole number between 4096 and 268435456 (got '{value}')", server.Stderr);
    }

    [Fact]
    public void Positions_past_the_text_are_clamped_and_bad_positions_or_documents_are_invalid_params()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("weekly.cxr");
        Assert.Null(server.Request("textDocument/hover", Requests.At(uri, 1_000_000, 1_000_000)));
        Assert.Equal(-32602, (int)server.Call("textDocument/hover", Requests.At(uri, -1, 0))["error"]!["code"]!);
        var fraction = Requests.At(uri, 0, 0);
        fraction["position"]!["line"] = 0.5;
        Assert.Equal(-32602, (int)server.Call("textDocument/hover", fraction)["error"]!["code"]!);
        Assert.Equal(-32803, (int)server.Call("textDocument/definition", Requests.At("not a uri", 0, 0))["error"]!["code"]!);
        Assert.Equal(-32803, (int)server.Call("textDocument/hover", Requests.At(folder.UriOf("missing.cxr"), 0, 0))["error"]!["code"]!);
        server.Replace(folder.UriOf("never-opened.cxr"), "metric x = 1\n"); // a notification: logged, not answered
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void Text_with_NUL_characters_and_deep_nesting_gets_diagnostics_and_the_server_goes_on()
    {
        using var folder = SmallModel.Folder();
        using var server = LspProcess.Initialized(folder.Root);
        var uri = folder.UriOf("hostile.cxr");
        server.Open(uri, "metric a\0b = \"x\0y\"\nmetric deep = " + new string('(', 5000) + "1" + new string(')', 5000) + "\n");
        var diagnostics = server.Diagnostics(uri, d => d.Count > 0);
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "CXR031");
        Assert.NotNull(server.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }));
        Assert.Equal(0, server.Exit());
    }

    [Fact]
    public void After_shutdown_only_exit_is_accepted_and_exit_without_shutdown_exits_with_1()
    {
        using var folder = SmallModel.Folder();
        using (var polite = LspProcess.Initialized(folder.Root))
        {
            polite.Request("shutdown", null);
            Assert.Equal(-32600, (int)polite.Call("textDocument/formatting", new JsonObject())["error"]!["code"]!);
            polite.Notify("exit", null);
            Assert.Equal(0, polite.Ended());
        }
        using var abrupt = LspProcess.Initialized(folder.Root);
        abrupt.Notify("exit", null);
        Assert.Equal(1, abrupt.Ended());
    }

    /// <summary>The next error answer without an id (to a message the server could not read).</summary>
    private static JsonNode Error(LspProcess server) => server.Next(m => m["error"] is not null && m["id"] is null)["error"]!;
}
