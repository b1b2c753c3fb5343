using System.Net.Sockets;
using System.Text;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// HTTP/1.1 written by hand on a TCP socket, for what HttpClient refuses to send: control bytes in headers, huge
/// headers, chunked bodies of a chosen size, bodies that stall or stop half way.
/// </summary>
internal sealed class RawHttp : IDisposable
{
    private readonly TcpClient _tcp = new();
    private NetworkStream _stream = null!;

    public static async Task<RawHttp> Connect(Uri server)
    {
        var raw = new RawHttp();
        await raw._tcp.ConnectAsync(server.Host, server.Port);
        raw._stream = raw._tcp.GetStream();
        return raw;
    }

    public async Task Send(string text) => await Send(Encoding.Latin1.GetBytes(text));

    public async Task Send(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends a body in chunks of <paramref name="chunk"/> bytes until <paramref name="total"/>, stopping early if the server answers and closes.</summary>
    public async Task SendChunked(int total, int chunk)
    {
        var data = Encoding.ASCII.GetBytes(new string('a', chunk));
        try
        {
            for (var sent = 0; sent < total; sent += chunk)
                await Send([.. Encoding.ASCII.GetBytes($"{chunk:X}\r\n"), .. data, .. "\r\n"u8.ToArray()]);
            await Send("0\r\n\r\n");
        }
        catch (IOException) { } // the server answered before the whole body and closed the connection
    }

    /// <summary>The status code and the whole response as text (until the server closes or <paramref name="timeout"/>).</summary>
    public async Task<(int Status, string Text)> Response(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            while (await _stream.ReadAsync(chunk, cancel.Token) is var read and > 0)
            {
                buffer.Write(chunk, 0, read);
                if (Complete(Encoding.Latin1.GetString(buffer.ToArray()))) break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(text.AsSpan(9, 3)) : 0;
        return (status, text);
    }

    /// <summary>Head read, and a body of the Content-Length it declares (or a final chunk).</summary>
    private static bool Complete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        var head = text[..end];
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null) return text.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim());
        return !head.Contains("chunked", StringComparison.OrdinalIgnoreCase) || text.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }

    public void Dispose() => _tcp.Dispose();
}
