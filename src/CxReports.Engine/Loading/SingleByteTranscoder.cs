using System.Text;

namespace CxReports.Engine.Loading;

/// <summary>
/// Copies a file written in a single-byte code page (windows-1254, ISO-8859-9) to UTF-8 in one streaming pass,
/// through a table of each byte's UTF-8 bytes; ASCII is copied as it is. A byte the code page does not define
/// (windows-1254 leaves 0x81, 0x8D-0x90, 0x9D and 0x9E unused) or defines only as a C1 control character (0x80-0x9F
/// in ISO-8859-9, where a file holding them was most likely written in windows-1254) stops the copy: such a file
/// is not text in its declared encoding.
/// </summary>
public sealed class SingleByteTranscoder
{
    private readonly byte[][] _utf8 = new byte[256][];
    private readonly bool[] _invalid = new bool[256];

    public SingleByteTranscoder(Encoding encoding)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        for (var b = 0; b < 256; b++)
        {
            string text;
            try { text = strict.GetString([(byte)b]); }
            catch (DecoderFallbackException) { text = ""; }
            _invalid[b] = text.Length != 1 || (text[0] >= '\u0080' && text[0] <= '\u009f');
            _utf8[b] = Encoding.UTF8.GetBytes(text);
        }
    }

    /// <summary>
    /// Writes <paramref name="file"/> as UTF-8 to <paramref name="target"/>. Returns where the first byte that is not
    /// text in the code page lies (physical line, column in bytes, the byte), or null when the copy is complete.
    /// </summary>
    public (int Line, int Column, byte Byte)? Transcode(string file, string target)
    {
        const int size = 1 << 20;
        using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        var buffer = new byte[size];
        var written = new byte[size * 3];
        long offset = 0;
        int read;
        while ((read = input.Read(buffer, 0, size)) > 0)
        {
            var n = 0;
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b < 0x80)
                {
                    written[n++] = b;
                    continue;
                }
                if (_invalid[b]) return Locate(file, offset + i, b);
                foreach (var u in _utf8[b]) written[n++] = u;
            }
            output.Write(written, 0, n);
            offset += read;
        }
        return null;
    }

    /// <summary>The line and column of the byte at <paramref name="position"/>: counted again, only on failure.</summary>
    private static (int Line, int Column, byte Byte) Locate(string file, long position, byte value)
    {
        using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        int line = 1, column = 1;
        for (long i = 0; i < position; i++)
        {
            if (input.ReadByte() == '\n') (line, column) = (line + 1, 1);
            else column++;
        }
        return (line, column, value);
    }
}
