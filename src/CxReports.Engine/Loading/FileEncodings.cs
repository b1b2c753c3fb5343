using System.Text;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Loading;

/// <summary>
/// The text encodings a source may declare (<c>options { encoding "windows-1254" }</c>). DuckDB reads UTF-8, UTF-16
/// and Latin-1 itself; the Turkish code pages (windows-1254, ISO-8859-9) are transcoded to UTF-8 once, streaming,
/// by <see cref="SingleByteTranscoder"/>, and DuckDB reads the copy.
/// </summary>
public static class FileEncodings
{
    public const string Default = "utf-8";

    /// <summary>The declared encoding, lower case; <see cref="Default"/> when none is declared.</summary>
    public static string Name(SourceModel source) =>
        source.Options.Encoding ?? Default;

    /// <summary>Whether the files are transcoded to UTF-8 before DuckDB reads them.</summary>
    public static bool IsTranscoded(SourceModel source) => Name(source) is "windows-1254" or "iso-8859-9";

    /// <summary>The encoding to give DuckDB's reader, or null for its default (UTF-8, also of transcoded copies).</summary>
    public static string? DuckDbName(SourceModel source) => Name(source) is "utf-16" or "latin-1" ? Name(source) : null;

    /// <summary>The .NET encoding of the files as written, to scan them on the error path.</summary>
    public static Encoding Of(SourceModel source) => Name(source) switch
    {
        "utf-16" => Encoding.Unicode,
        "latin-1" => Encoding.Latin1,
        "windows-1254" => CodePagesEncodingProvider.Instance.GetEncoding(1254)!,
        "iso-8859-9" => CodePagesEncodingProvider.Instance.GetEncoding(28599)!,
        _ => Encoding.UTF8,
    };

    /// <summary>
    /// Where a UTF-8 file first breaks UTF-8: its physical line, the column (in bytes, 1-based) and the byte.
    /// Null when the whole file is valid. Only the error path pays for this scan.
    /// </summary>
    public static (int Line, int Column, byte Byte)? FirstInvalidUtf8(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var chars = new char[buffer.Length];
        int line = 1, column = 1, kept = 0, read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0 || kept > 0)
        {
            var length = kept + read;
            var final = read == 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _,
                replaceInvalidSequences: false, isFinalBlock: final);
            for (var i = 0; i < consumed; i++)
            {
                if (buffer[i] == '\n') (line, column) = (line + 1, 1);
                else column++;
            }
            if (status == System.Buffers.OperationStatus.InvalidData || (final && consumed < length))
                return (line, column, buffer[consumed]);
            kept = length - consumed;
            Array.Copy(buffer, consumed, buffer, 0, kept);
            if (final) break;
        }
        return null;
    }
}
