using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CxReports.LanguageServer.Protocol;

/// <summary>How the server reads and writes JSON: camelCase members, nulls left out, nesting bounded.</summary>
internal static class LspJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        // Messages go to an editor, never into HTML: Turkish letters and quotes stay as they are, not \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 64 };

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);
}
