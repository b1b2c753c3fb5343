using System.Text;
using System.Text.Json.Nodes;

namespace CxReports.LanguageServer.Protocol;

/// <summary>Writes base-protocol messages, one at a time: the debounced diagnostics and the answers share the stream.</summary>
internal sealed class MessageWriter(Stream output)
{
    private readonly Lock _gate = new();

    public void Write(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString(LspJson.Options));
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_gate)
        {
            output.Write(header);
            output.Write(body);
            output.Flush();
        }
    }
}
