using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Tests;

/// <summary>
/// The built <c>cxr lsp</c> as a child process, spoken to as an editor would: framed JSON-RPC on its stdin, answers and
/// notifications read from its stdout on a thread of their own.
/// </summary>
public sealed class LspProcess : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly BlockingCollection<JsonObject> _incoming = new();
    private readonly List<JsonObject> _notifications = [];
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    private LspProcess(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        new Thread(ReadAll) { IsBackground = true }.Start();
        process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Starts <c>cxr lsp</c> in <paramref name="workingDirectory"/> (with <c>--reports DIR</c> when given).</summary>
    public static LspProcess Start(string workingDirectory, string? reports = "reports", params string[] options)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cxr.dll"));
        start.ArgumentList.Add("lsp");
        foreach (var option in options) start.ArgumentList.Add(option);
        if (reports is not null)
        {
            start.ArgumentList.Add("--reports");
            start.ArgumentList.Add(reports);
        }
        return new LspProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start cxr lsp"));
    }

    /// <summary>Starts the server and initializes it (no debounce, so tests wait only for the work).</summary>
    public static LspProcess Initialized(string workingDirectory, string? reports = "reports", string? rootUri = null)
    {
        var server = Start(workingDirectory, reports);
        server.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["debounceMilliseconds"] = 0 },
        });
        server.Notify("initialized", new JsonObject());
        return server;
    }

    public void WriteRaw(byte[] bytes)
    {
        _stdin.Write(bytes);
        _stdin.Flush();
    }

    public void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        WriteRaw([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters?.DeepClone() });

    /// <summary>Sends a request and returns the whole answer (<c>result</c> or <c>error</c>).</summary>
    public JsonObject Call(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters?.DeepClone() });
        return Answer(id);
    }

    /// <summary>Sends a request and returns its result, failing the test on an error answer.</summary>
    public JsonNode? Request(string method, JsonNode? parameters)
    {
        var answer = Call(method, parameters);
        Assert.True(answer["error"] is null, $"{method} answered {answer["error"]?.ToJsonString()}\n{Stderr}");
        return answer["result"];
    }

    public JsonObject Answer(int id) => Next(m => m["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id && m["method"] is null);

    /// <summary>The next message the server sends that matches, setting aside notifications that do not.</summary>
    public JsonObject Next(Func<JsonObject, bool> match)
    {
        lock (_notifications)
        {
            var earlier = _notifications.FindIndex(n => match(n));
            if (earlier >= 0)
            {
                var found = _notifications[earlier];
                _notifications.RemoveAt(earlier);
                return found;
            }
        }
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_incoming.TryTake(out var message, left))
                throw new TimeoutException($"no matching message from cxr lsp within {Patience}; exited: {_process.HasExited}\n{Stderr}");
            if (match(message)) return message;
            lock (_notifications) _notifications.Add(message);
        }
    }

    /// <summary>The next diagnostics published for the document that satisfy the condition (earlier ones are passed over).</summary>
    public JsonArray Diagnostics(string uri, Func<JsonArray, bool>? until = null)
    {
        while (true)
        {
            var message = Next(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri);
            var diagnostics = message["params"]!["diagnostics"]!.AsArray();
            if (until is null || until(diagnostics)) return diagnostics;
        }
    }

    public void Open(string uri, string text) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "cxr", ["version"] = 1, ["text"] = text },
    });

    public void Replace(string uri, string text, int version = 2) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    /// <summary>Waits (bounded) for a process that ends by itself: a refused command line, an exit notification; its exit code.</summary>
    public int Ended()
    {
        Assert.True(_process.WaitForExit(Patience), "cxr lsp did not end");
        _process.WaitForExit(); // it has ended: this only waits for the last of its stderr to be read
        return _process.ExitCode;
    }

    /// <summary>Shuts down and exits as an editor does; the exit code of the process.</summary>
    public int Exit()
    {
        Request("shutdown", null);
        Notify("exit", null);
        Assert.True(_process.WaitForExit(Patience), "cxr lsp did not exit");
        return _process.ExitCode;
    }

    private void ReadAll()
    {
        var stdout = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = -1;
                string? line;
                while ((line = ReadLine(stdout)) is { Length: > 0 })
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim());
                if (line is null || length < 0) break;
                var body = new byte[length];
                stdout.ReadExactly(body);
                _incoming.Add(JsonNode.Parse(body)!.AsObject());
            }
        }
        catch (IOException)
        {
            // the process ended (mid-message too: EndOfStreamException is an IOException)
        }
    }

    private static string? ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0) return line.Length == 0 ? null : line.ToString();
            if (b == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)b);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
