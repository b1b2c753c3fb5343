using System.Globalization;
using System.Text;

namespace CxReports.LanguageServer.Protocol;

/// <summary>What reading the next message gave: its body, a reason it could not be read, or the end of the stream.</summary>
internal abstract record Incoming
{
    /// <summary>A whole message body (UTF-8 JSON, not yet parsed).</summary>
    public sealed record Message(byte[] Body) : Incoming;

    /// <summary>A header block that could not be read, or a body over the limit; reading goes on with the next message.</summary>
    public sealed record Malformed(string Reason) : Incoming;

    /// <summary>The client closed the stream.</summary>
    public sealed record End : Incoming;
}

/// <summary>
/// Reads base-protocol messages (<c>Content-Length: N</c>, a blank line, N bytes of JSON) from a stream. Memory stays
/// bounded whatever arrives: header lines are cut at <see cref="MaxHeaderBytes"/>, bodies above the message limit are
/// skipped unread, and a broken header block is reported and passed over so the next message is still read.
/// </summary>
internal sealed class MessageReader(Stream input, int maxMessageBytes)
{
    /// <summary>The most header bytes kept per message; real clients send under a hundred.</summary>
    public const int MaxHeaderBytes = 8192;

    private readonly Stream _input = new BufferedStream(input, 64 * 1024);

    public Incoming Read()
    {
        long? contentLength = null;
        string? problem = null;
        var headerBytes = 0;
        var sawHeader = false;
        while (true)
        {
            var line = ReadLine(ref headerBytes, out var ended);
            if (ended && line.Length == 0) return new Incoming.End();
            if (line.Length == 0)
            {
                if (!sawHeader) continue; // stray blank lines between messages
                break;
            }
            sawHeader = true;
            if (headerBytes > MaxHeaderBytes)
            {
                problem ??= $"the header is longer than {MaxHeaderBytes} bytes";
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                problem ??= $"header line '{Shown(line)}' has no ':'";
                continue;
            }
            if (!line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (long.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                contentLength = length;
            else
                problem ??= $"Content-Length '{Shown(line[(colon + 1)..].Trim())}' is not a whole number";
        }
        if (problem is not null)
        {
            if (contentLength is { } n && !Skip(n)) return new Incoming.End();
            return new Incoming.Malformed(problem);
        }
        if (contentLength is not { } size) return new Incoming.Malformed("the header has no Content-Length");
        if (size > maxMessageBytes)
            return Skip(size) ? new Incoming.Malformed($"a message of {size} bytes is larger than the limit of {maxMessageBytes} bytes") : new Incoming.End();
        var body = new byte[size];
        var read = 0;
        while (read < size)
        {
            var got = _input.Read(body, read, (int)size - read);
            if (got == 0) return new Incoming.End();
            read += got;
        }
        return new Incoming.Message(body);
    }

    /// <summary>One header line without its line break; only the first <see cref="MaxHeaderBytes"/> bytes are kept.</summary>
    private string ReadLine(ref int headerBytes, out bool ended)
    {
        var kept = new StringBuilder();
        ended = false;
        while (true)
        {
            var b = _input.ReadByte();
            if (b < 0)
            {
                ended = true;
                break;
            }
            if (b == '\n') break;
            headerBytes++;
            if (b != '\r' && headerBytes <= MaxHeaderBytes) kept.Append((char)b); // headers are ASCII
        }
        return kept.ToString();
    }

    /// <summary>Reads and drops <paramref name="count"/> bytes; false when the stream ends first.</summary>
    private bool Skip(long count)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var got = _input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (got == 0) return false;
            count -= got;
        }
        return true;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
