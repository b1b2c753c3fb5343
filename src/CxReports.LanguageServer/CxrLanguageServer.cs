using System.Reflection;
using System.Text.Json.Nodes;
using CxReports.LanguageServer.Features;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer;

/// <summary>
/// The CXR language server (<c>cxr lsp</c>): serves a reports directory as one model over the Language Server
/// Protocol. A change re-parses the changed file at once and re-binds its model on a thread of its own (changes
/// arriving meanwhile are gathered into the next binding, so a burst of typing costs one binding, not one each); the
/// diagnostics of every file of the model whose findings changed are published again (the files that depend on
/// the changed one included).
/// </summary>
public sealed class CxrLanguageServer
{
    private enum State { Starting, Running, ShuttingDown }

    private const int MainThreadStackBytes = 8 * 1024 * 1024;

    private readonly JsonRpcEndpoint _endpoint;
    private readonly ReportsWorkspace _workspace;
    private readonly LanguageServerOptions _options;
    private readonly TextWriter _log;
    private readonly SemaphoreSlim _changed = new(0);
    private volatile bool _ended;
    private readonly HashSet<EditorModel> _pending = [];
    private readonly Dictionary<string, (EditorModel Model, string Json)> _published = new(StringComparer.Ordinal);
    private int _debounceMilliseconds;
    private State _state = State.Starting;
    private bool _exitRequested;

    private CxrLanguageServer(Stream input, Stream output, TextWriter log, LanguageServerOptions options)
    {
        _options = options;
        _log = log;
        _debounceMilliseconds = options.DebounceMilliseconds;
        _endpoint = new JsonRpcEndpoint(new MessageReader(input, options.MaxMessageBytes), new MessageWriter(output), log);
        _workspace = new ReportsWorkspace(options.WorkingDirectory, log);
        Register();
    }

    /// <summary>Serves one client on the streams until it exits or closes its end; 0 after <c>shutdown</c> then <c>exit</c>, else 1 (as the protocol asks).</summary>
    public static int Run(Stream input, Stream output, TextWriter log, LanguageServerOptions options)
    {
        var server = new CxrLanguageServer(input, output, log, options);
        // The binder reports an expression too deep for the stack left (CXR031); the main thread's 8 MiB, as `cxr check` has it, keeps the findings the same.
        var checker = new Thread(server.CheckChanges, MainThreadStackBytes) { IsBackground = true, Name = "cxr lsp diagnostics" };
        checker.Start();
        server._endpoint.Run();
        server._ended = true;
        server._changed.Release();
        checker.Join();
        return server._exitRequested && server._state == State.ShuttingDown ? 0 : 1;
    }

    private void Register()
    {
        _endpoint.Admit = method => (_state, method) switch
        {
            (State.Starting, "initialize") => null,
            (State.Starting, _) => new RpcException(RpcErrorCodes.ServerNotInitialized, $"'{method}' before 'initialize'"),
            (State.Running, "initialize") => new RpcException(RpcErrorCodes.InvalidRequest, "the server is already initialized"),
            (State.ShuttingDown, _) => new RpcException(RpcErrorCodes.InvalidRequest, $"'{method}' after 'shutdown': only 'exit' is accepted"),
            _ => null,
        };
        _endpoint.AcceptsNotification = method => method == "exit" || _state == State.Running;

        _endpoint.OnRequest("initialize", Initialize);
        _endpoint.OnRequest("shutdown", _ =>
        {
            _state = State.ShuttingDown;
            return null;
        });
        _endpoint.OnNotification("exit", _ =>
        {
            _exitRequested = true;
            _endpoint.Stop();
        });
        _endpoint.OnNotification("initialized", _ =>
        {
            if (_workspace.ReportsModel is { } model) Schedule(model);
        });
        _endpoint.OnNotification("textDocument/didOpen", DidOpen);
        _endpoint.OnNotification("textDocument/didChange", DidChange);
        _endpoint.OnNotification("textDocument/didClose", DidClose);
        _endpoint.OnNotification("textDocument/didSave", _ => { });
        _endpoint.OnNotification("workspace/didChangeWatchedFiles", DidChangeWatchedFiles);
        _endpoint.OnRequest("textDocument/formatting", Format);
        _endpoint.OnRequest("textDocument/completion", p => At(p, (model, document, offset) => LspJson.ToNode(Completion.At(model, document, offset))));
        _endpoint.OnRequest("textDocument/signatureHelp", p => At(p, (_, document, offset) => LspJson.ToNode(SignatureHelpInfo.At(document.Text, offset))));
        _endpoint.OnRequest("textDocument/hover", p => At(p, (model, document, offset) => LspJson.ToNode(HoverInfo.At(model, document, offset))));
        _endpoint.OnRequest("textDocument/definition", p => At(p, (model, document, offset) => LspJson.ToNode(Navigation.Definition(model, document, offset))));
        _endpoint.OnRequest("textDocument/references", p => At(p, (model, document, offset) => LspJson.ToNode(Navigation.References(model, document, offset,
            LspParams.Bool(LspParams.Member(LspParams.Member(p, "context"), "includeDeclaration"))))));
        _endpoint.OnRequest("textDocument/prepareRename", p => At(p, (model, document, offset) =>
            Navigation.PrepareRename(model, document, offset) is { } found
                ? new JsonObject { ["range"] = LspJson.ToNode(found.Range), ["placeholder"] = found.Name }
                : null));
        _endpoint.OnRequest("textDocument/rename", p => At(p, (model, document, offset) =>
            LspJson.ToNode(Navigation.Rename(model, document, offset, LspParams.String(LspParams.Member(p, "newName"), "newName")))));
        _endpoint.OnRequest("textDocument/documentSymbol", p => LspJson.ToNode(Outline.Of(DocumentOf(p))));
        _endpoint.OnRequest("workspace/symbol", p =>
            LspJson.ToNode(Outline.Search(_workspace.Models, LspParams.OptionalString(LspParams.Member(p, "query")) ?? "")));
        _endpoint.OnRequest("textDocument/semanticTokens/full", p =>
        {
            var document = DocumentOf(p);
            return new JsonObject { ["data"] = LspJson.ToNode(SemanticTokens.Of(_workspace.ModelOf(document.FullPath), document)) };
        });
        _endpoint.OnRequest("textDocument/codeAction", p =>
        {
            var document = DocumentOf(p);
            return LspJson.ToNode(CodeActions.For(_workspace.ModelOf(document.FullPath), document, LspParams.Range(p, "range")));
        });
    }

    /// <summary>Runs a request about a position in a document with the document's model and the position as an offset.</summary>
    private JsonNode? At(JsonNode? parameters, Func<EditorModel, Document, int, JsonNode?> answer)
    {
        var document = DocumentOf(parameters);
        var offset = document.Lines.OffsetOf(LspParams.Position(parameters));
        return answer(_workspace.ModelOf(document.FullPath), document, offset);
    }

    private JsonNode? Initialize(JsonNode? parameters)
    {
        _workspace.ReportsRoot = ReportsRoot(parameters);
        if (LspParams.Member(LspParams.Member(parameters, "initializationOptions"), "debounceMilliseconds") is { } debounce)
            _debounceMilliseconds = Math.Min(LspParams.Int(debounce, "initializationOptions.debounceMilliseconds"), 10_000);
        _state = State.Running;
        _log.WriteLine($"cxr lsp: serving {_workspace.ReportsRoot ?? "the directory of each file opened"}");
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = false },
                ["documentFormattingProvider"] = true,
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(".", "\"", " ", "/") },
                ["signatureHelpProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("(", ",") },
                ["hoverProvider"] = true,
                ["definitionProvider"] = true,
                ["referencesProvider"] = true,
                ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
                ["documentSymbolProvider"] = true,
                ["workspaceSymbolProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
                ["semanticTokensProvider"] = new JsonObject
                {
                    ["legend"] = new JsonObject
                    {
                        ["tokenTypes"] = LspJson.ToNode(SemanticTokens.Types),
                        ["tokenModifiers"] = LspJson.ToNode(SemanticTokens.Modifiers),
                    },
                    ["full"] = true,
                },
            },
            ["serverInfo"] = new JsonObject
            {
                ["name"] = "cxr",
                ["version"] = typeof(CxrLanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            },
        };
    }

    /// <summary><c>--reports</c> when given; else the workspace's <c>reports</c> directory when it has one, else the workspace itself.</summary>
    private string? ReportsRoot(JsonNode? parameters)
    {
        if (_options.ReportsDirectory is { } given) return Path.GetFullPath(given, _options.WorkingDirectory);
        var rootUri = LspParams.OptionalString(LspParams.Member(parameters, "rootUri"))
                      ?? LspParams.OptionalString(LspParams.Member((LspParams.Member(parameters, "workspaceFolders") as JsonArray)?.FirstOrDefault(), "uri"));
        if (rootUri is null || ReportsWorkspace.PathOf(rootUri) is not { } root) return null;
        var reports = Path.Combine(root, "reports");
        return Directory.Exists(reports) ? reports : root;
    }

    private void DidOpen(JsonNode? parameters)
    {
        var item = LspParams.Member(parameters, "textDocument");
        var (model, _) = _workspace.Open(LspParams.String(LspParams.Member(item, "uri"), "textDocument.uri"),
            LspParams.String(LspParams.Member(item, "text"), "textDocument.text"));
        Schedule(model);
    }

    private void DidChange(JsonNode? parameters)
    {
        var uri = LspParams.DocumentUri(parameters);
        var document = _workspace.Find(uri) ?? throw RpcException.InvalidParams($"{uri} is not open");
        if (LspParams.Member(parameters, "contentChanges") is not JsonArray changes) throw RpcException.InvalidParams("contentChanges must be an array");
        var text = document.Text;
        foreach (var change in changes)
        {
            var newText = LspParams.String(LspParams.Member(change, "text"), "contentChanges[].text");
            if (LspParams.Member(change, "range") is null)
            {
                text = newText;
                continue;
            }
            var range = LspParams.Range(change, "range");
            var lines = new TextLines(text);
            var start = lines.OffsetOf(range.Start);
            var end = Math.Max(start, lines.OffsetOf(range.End));
            text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
        }
        var (model, _) = _workspace.Change(uri, text);
        Schedule(model);
    }

    private void DidClose(JsonNode? parameters)
    {
        Schedule(_workspace.Close(LspParams.DocumentUri(parameters)));
        foreach (var dropped in _workspace.DropUnused())
        {
            _pending.Remove(dropped);
            Retract(dropped, keep: []);
        }
    }

    private void DidChangeWatchedFiles(JsonNode? parameters)
    {
        if (LspParams.Member(parameters, "changes") is not JsonArray changes) return;
        foreach (var change in changes)
            if (LspParams.OptionalString(LspParams.Member(change, "uri")) is { } uri && _workspace.FileChanged(uri) is { } model)
                Schedule(model);
    }

    private JsonNode? Format(JsonNode? parameters)
    {
        var document = DocumentOf(parameters);
        var edits = Formatting.Edits(document);
        if (edits is null)
        {
            _endpoint.Notify("window/showMessage", new JsonObject
            {
                ["type"] = 2,
                ["message"] = $"{document.Source.Path}: not formatted, it has syntax errors (see Problems)",
            });
            return new JsonArray();
        }
        return LspJson.ToNode(edits);
    }

    private Document DocumentOf(JsonNode? parameters)
    {
        var uri = LspParams.DocumentUri(parameters);
        return _workspace.Find(uri) ?? throw new RpcException(RpcErrorCodes.RequestFailed, $"{uri} is not a .cxr file the server knows (open it first)");
    }

    /// <summary>Diagnostics for the model once the diagnostics thread is free (and the optional pause has passed).</summary>
    private void Schedule(EditorModel model)
    {
        _pending.Add(model);
        _changed.Release();
    }

    /// <summary>
    /// The diagnostics thread: waits for a change (and the optional pause), then binds each changed model from a snapshot without
    /// holding the lock, so completion and hover are answered while a large model binds. A binding overtaken by a
    /// newer change is dropped; that change has scheduled its own.
    /// </summary>
    private void CheckChanges()
    {
        while (true)
        {
            _changed.Wait();
            while (_changed.Wait(_debounceMilliseconds)) { } // takes in every change so far; with a pause, each change restarts it
            if (_ended) return;
            EditorModel[] models;
            lock (_endpoint.Gate)
            {
                models = _pending.ToArray();
                _pending.Clear();
            }
            foreach (var model in models)
            {
                try
                {
                    int version;
                    IReadOnlyList<Document> documents;
                    lock (_endpoint.Gate) (version, documents) = model.Snapshot();
                    var compiled = EditorModel.Compile(documents);
                    lock (_endpoint.Gate)
                        if (model.Accept(version, compiled)) Publish(model);
                }
                catch (Exception e)
                {
                    _log.WriteLine($"cxr lsp: checking {model.Root} failed: {e}");
                }
            }
        }
    }

    /// <summary>Publishes the diagnostics of each file the model speaks for whose findings changed, and clears those of files it lost.</summary>
    private void Publish(EditorModel model)
    {
        var compiled = model.Compiled;
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in model.Documents.Where(d => _workspace.Owns(model, d.FullPath)))
        {
            var found = compiled.For(document.Source.Path);
            current.Add(document.Uri);
            // Most files of a large model have no findings before and after a change: nothing to convert or compare.
            if (found.Count == 0 && _published.TryGetValue(document.Uri, out var last) && last.Model == model && last.Json == "[]") continue;
            Send(model, document.Uri, LspJson.ToNode(found.Select(d => DiagnosticConversion.ToLsp(d, document)).ToArray())!);
        }
        Retract(model, current);
    }

    private void Retract(EditorModel model, HashSet<string> keep)
    {
        foreach (var uri in _published.Where(p => p.Value.Model == model && !keep.Contains(p.Key)).Select(p => p.Key).ToArray())
        {
            _published.Remove(uri);
            _endpoint.Notify("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() });
        }
    }

    private void Send(EditorModel model, string uri, JsonNode diagnostics)
    {
        var json = diagnostics.ToJsonString();
        if (_published.TryGetValue(uri, out var last) && last.Json == json && last.Model == model) return;
        _published[uri] = (model, json);
        _endpoint.Notify("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = diagnostics });
    }
}
