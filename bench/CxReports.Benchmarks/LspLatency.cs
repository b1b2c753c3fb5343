using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using CxReports.LanguageServer;

namespace CxReports.Benchmarks;

/// <summary>
/// Latency of the language server on the generated 2,000-line model, over the protocol (in-process pipes, the server's
/// own framing and JSON): from a didChange to the diagnostics it causes, and from a completion or hover request to its answer.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- lsp [--repeats N] [--debounce MS]
/// </summary>
public static class LspLatency
{
    public static void Run(TextWriter output, int repeats, int debounce)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cxr-lsp-bench-" + Guid.NewGuid().ToString("N"));
        var files = GeneratedModel.Create(2000);
        foreach (var file in files) File.WriteAllText(Path.Combine(Directory.CreateDirectory(directory).FullName, file.Path), file.Text);
        using var toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var serverIn = new AnonymousPipeClientStream(PipeDirection.In, toServer.ClientSafePipeHandle);
        using var fromServer = new AnonymousPipeServerStream(PipeDirection.In);
        using var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, fromServer.ClientSafePipeHandle);
        var server = new Thread(() => CxrLanguageServer.Run(serverIn, serverOut, TextWriter.Null, new LanguageServerOptions(directory, directory)));
        server.Start();
        var client = new Client(toServer, fromServer);
        try
        {
            client.Call("initialize", new JsonObject { ["capabilities"] = new JsonObject(), ["initializationOptions"] = new JsonObject { ["debounceMilliseconds"] = debounce } });
            client.Send("initialized", new JsonObject());
            var uri = new Uri(Path.Combine(directory, "s10.cxr")).AbsoluteUri;
            var text = files.First(f => f.Path == "s10.cxr").Text;
            var broken = text.Replace("kpi m10_0,", "kpi m10_O,");
            client.Send("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "cxr", ["version"] = 1, ["text"] = text } });
            client.Diagnostics(uri, expectErrors: false);
            var lines = text.Split('\n');
            var line = Array.FindIndex(lines, l => l.StartsWith("metric r10", StringComparison.Ordinal));
            var character = lines[line].IndexOf("m10_0", StringComparison.Ordinal) + 4; // after "m10_" of the first metric used

            var diagnostics = new Timings();
            var completionAfterChange = new Timings();
            var completion = new Timings();
            var hover = new Timings();
            var hoverAgain = new Timings();
            for (var i = 0; i < repeats; i++)
            {
                diagnostics.Time(() =>
                {
                    client.Change(uri, broken, 3 * i + 2);
                    client.Diagnostics(uri, expectErrors: true);
                });
                diagnostics.Time(() =>
                {
                    client.Change(uri, text, 3 * i + 3);
                    client.Diagnostics(uri, expectErrors: false);
                });
                // The model is bound and idle: completion has the machine to itself.
                completion.Time(() => client.Call("textDocument/completion", Position(uri, line, character)));
                // The first hover after a change walks every file for the names written in it (the index completion does not need).
                hover.Time(() => Hover(client, uri, line, character));
                hoverAgain.Time(() => Hover(client, uri, line, character));
                client.Change(uri, text + "\n", 3 * i + 4);
                completionAfterChange.Time(() => client.Call("textDocument/completion", Position(uri, line, character)));
            }
            output.WriteLine($"cxr lsp on the generated model: {files.Count} files, {files.Sum(f => f.Text.Split('\n').Length)} lines, debounce {debounce} ms, {repeats} repeats, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            output.WriteLine("  (CPU: the process's CPU time per step, what the step costs on an idle machine; wall: what the editor waits here)");
            output.WriteLine(diagnostics.Row("didChange -> publishDiagnostics"));
            output.WriteLine(completionAfterChange.Row("completion, first after a change"));
            output.WriteLine(completion.Row("completion, model unchanged"));
            output.WriteLine(hover.Row("hover, first after a change"));
            output.WriteLine(hoverAgain.Row("hover, names already indexed"));
            client.Call("shutdown", null);
            client.Send("exit", null);
            server.Join();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Hover(Client client, string uri, int line, int character)
    {
        if (client.Call("textDocument/hover", Position(uri, line, character))["result"] is null)
            throw new InvalidOperationException("The bench's hover position names no metric: the generated model changed.");
    }

    private static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    /// <summary>Wall and CPU milliseconds of repeated steps, summarized as median and 90th percentile.</summary>
    private sealed class Timings
    {
        private readonly List<double> _wall = [];
        private readonly List<double> _cpu = [];

        public void Time(Action step)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            step();
            _wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            _cpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        }

        public string Row(string what) => $"  {what,-34} wall median {Median(_wall),6:F1} ms  p90 {P90(_wall),6:F1} ms | CPU median {Median(_cpu),6:F1} ms  p90 {P90(_cpu),6:F1} ms";

        private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

        private static double P90(List<double> values) => values.Order().ElementAt(Math.Min(values.Count - 1, values.Count * 9 / 10));
    }

    /// <summary>The editor's end: framed messages out, answers and notifications in.</summary>
    private sealed class Client(Stream output, Stream input)
    {
        private int _id;

        public void Send(string method, JsonNode? parameters) =>
            Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        public JsonObject Call(string method, JsonNode? parameters)
        {
            var id = ++_id;
            Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            while (true)
            {
                var message = Read();
                if (message["id"] is JsonValue value && value.GetValue<int>() == id) return message;
            }
        }

        public void Change(string uri, string text, int version) => Send("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

        public void Diagnostics(string uri, bool expectErrors)
        {
            while (true)
            {
                var message = Read();
                if ((string?)message["method"] == "textDocument/publishDiagnostics" && (string?)message["params"]!["uri"] == uri
                    && message["params"]!["diagnostics"]!.AsArray().Count > 0 == expectErrors) return;
            }
        }

        private void Write(JsonObject message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            output.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            output.Write(body);
            output.Flush();
        }

        private JsonObject Read()
        {
            var length = 0;
            var header = new StringBuilder();
            while (true)
            {
                var b = input.ReadByte();
                if (b < 0) throw new EndOfStreamException("the server closed its output");
                if (b != '\n')
                {
                    header.Append((char)b);
                    continue;
                }
                var line = header.ToString().TrimEnd('\r');
                header.Clear();
                if (line.Length == 0) break;
                if (line.StartsWith("Content-Length:", StringComparison.Ordinal)) length = int.Parse(line[15..], System.Globalization.CultureInfo.InvariantCulture);
            }
            var body = new byte[length];
            input.ReadExactly(body);
            return JsonNode.Parse(body)!.AsObject();
        }
    }
}
