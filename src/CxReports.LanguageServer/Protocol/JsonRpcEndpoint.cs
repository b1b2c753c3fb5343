using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Protocol;

/// <summary>
/// JSON-RPC 2.0 over the base protocol: reads messages one by one and dispatches them to handlers; answers every
/// request exactly once, with its result or an error. Nothing a client sends stops the loop: a broken header, a
/// body that is not JSON, an unknown method or a handler's bug each become one error answer (a bug is logged to
/// stderr with its stack, the client sees only the method that failed). Only the end of input or <see cref="Stop"/> ends it.
/// </summary>
internal sealed class JsonRpcEndpoint(MessageReader reader, MessageWriter writer, TextWriter log)
{
    private readonly Dictionary<string, Func<JsonNode?, JsonNode?>> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<JsonNode?>> _notifications = new(StringComparer.Ordinal);
    private bool _stopped;

    /// <summary>Decides, before any handler runs, whether a request may be served now (the server's lifecycle); null lets it through.</summary>
    public Func<string, RpcException?> Admit { get; set; } = _ => null;

    /// <summary>Whether notifications other than those named may be handled now.</summary>
    public Func<string, bool> AcceptsNotification { get; set; } = _ => true;

    /// <summary>Serializes handlers with work started elsewhere (the debounced diagnostics).</summary>
    public Lock Gate { get; } = new();

    public void OnRequest(string method, Func<JsonNode?, JsonNode?> handler) => _requests[method] = handler;

    public void OnNotification(string method, Action<JsonNode?> handler) => _notifications[method] = handler;

    public void Stop() => _stopped = true;

    public void Notify(string method, JsonNode? parameters) =>
        writer.Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Reads and answers until the input ends or a handler stops the endpoint.</summary>
    public void Run()
    {
        while (!_stopped)
        {
            switch (reader.Read())
            {
                case Incoming.End:
                    return;
                case Incoming.Malformed malformed:
                    log.WriteLine($"cxr lsp: {malformed.Reason}");
                    Error(null, RpcErrorCodes.ParseError, malformed.Reason);
                    break;
                case Incoming.Message message:
                    Dispatch(message.Body);
                    break;
            }
        }
    }

    private void Dispatch(byte[] body)
    {
        JsonObject message;
        JsonNode? id;
        string? method;
        bool isRequest;
        try
        {
            if (JsonNode.Parse(body, documentOptions: LspJson.DocumentOptions) is not JsonObject parsed)
            {
                Error(null, RpcErrorCodes.InvalidRequest, "a message must be a JSON object");
                return;
            }
            message = parsed;
            isRequest = message.TryGetPropertyValue("id", out id);
            method = LspParams.OptionalString(message["method"]);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            Error(null, RpcErrorCodes.ParseError, $"the message is not valid JSON: {e.Message}");
            return;
        }
        if (isRequest && id is not null && !(id is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number))
        {
            Error(null, RpcErrorCodes.InvalidRequest, "a request's id must be a string or a number");
            return;
        }
        if (method is null)
        {
            // A response to something the server asked (it asks nothing it waits for), or a request without a method.
            if (isRequest && !message.ContainsKey("result") && !message.ContainsKey("error"))
                Error(id, RpcErrorCodes.InvalidRequest, "a request needs a method (a string)");
            return;
        }
        var parameters = message["params"];
        if (isRequest) Request(id, method, parameters);
        else Notification(method, parameters);
    }

    private void Request(JsonNode? id, string method, JsonNode? parameters)
    {
        if (Admit(method) is { } refused)
        {
            Error(id, refused.Code, refused.Message);
            return;
        }
        if (!_requests.TryGetValue(method, out var handler))
        {
            Error(id, RpcErrorCodes.MethodNotFound, $"unknown method '{Shown(method)}'");
            return;
        }
        JsonNode? result;
        try
        {
            lock (Gate) result = handler(parameters);
        }
        catch (RpcException e)
        {
            Error(id, e.Code, e.Message);
            return;
        }
        catch (Exception e)
        {
            log.WriteLine($"cxr lsp: {method} failed: {e}");
            Error(id, RpcErrorCodes.InternalError, $"{method} failed inside the server (the server log has the details)");
            return;
        }
        writer.Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result });
    }

    private void Notification(string method, JsonNode? parameters)
    {
        if (!AcceptsNotification(method) || !_notifications.TryGetValue(method, out var handler)) return; // notifications get no answer
        try
        {
            lock (Gate) handler(parameters);
        }
        catch (Exception e)
        {
            log.WriteLine($"cxr lsp: {method} failed: {(e is RpcException ? e.Message : e.ToString())}");
        }
    }

    private void Error(JsonNode? id, int code, string message) =>
        writer.Write(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id?.DeepClone(),
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    private static string Shown(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
