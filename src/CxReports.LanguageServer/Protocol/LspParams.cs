using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Protocol;

/// <summary>Reads the members of request parameters, answering <c>InvalidParams</c> naming the member when one is missing or of the wrong type.</summary>
internal static class LspParams
{
    public static string DocumentUri(JsonNode? parameters) => String(Member(Member(parameters, "textDocument"), "uri"), "textDocument.uri");

    public static Position Position(JsonNode? parameters)
    {
        var position = Member(parameters, "position");
        return new Position(Int(Member(position, "line"), "position.line"), Int(Member(position, "character"), "position.character"));
    }

    public static LspRange Range(JsonNode? node, string name)
    {
        var range = Member(node, name);
        Position At(string end)
        {
            var p = Member(range, end);
            return new Position(Int(Member(p, "line"), $"{name}.{end}.line"), Int(Member(p, "character"), $"{name}.{end}.character"));
        }
        return new LspRange(At("start"), At("end"));
    }

    public static JsonNode? Member(JsonNode? node, string name) =>
        node is JsonObject o && o.TryGetPropertyValue(name, out var value) ? value : null;

    public static string String(JsonNode? node, string name) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw RpcException.InvalidParams($"{name} must be a string");

    public static string? OptionalString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int Int(JsonNode? node, string name)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) && i >= 0) return i;
        throw RpcException.InvalidParams($"{name} must be a whole number from 0");
    }

    public static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
