using CxReports.LanguageServer.Protocol;

namespace CxReports.LanguageServer.Workspace;

/// <summary>
/// Converts between offsets in a text and protocol positions. Both count UTF-16 code units (a .NET string's
/// chars), as the protocol demands, so a Turkish letter is one and an emoji two; only lines need finding.
/// </summary>
internal sealed class TextLines
{
    private readonly int[] _starts;
    private readonly int _length;

    public TextLines(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _starts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _starts.Length;

    /// <summary>The offset of the 0-based line's first character (the text's end past the last line).</summary>
    public int LineStart(int line) => line < _starts.Length ? _starts[Math.Max(0, line)] : _length;

    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        var line = Array.BinarySearch(_starts, offset);
        if (line < 0) line = ~line - 1;
        return new Position(line, offset - _starts[line]);
    }

    /// <summary>The offset of a position; a character past the line's end means its end, a line past the text its end.</summary>
    public int OffsetOf(Position position)
    {
        if (position.Line >= _starts.Length) return _length;
        var start = _starts[position.Line];
        var end = position.Line + 1 < _starts.Length ? _starts[position.Line + 1] - 1 : _length;
        return Math.Min(start + position.Character, end);
    }

    public LspRange RangeOf(int offset, int length) => new(PositionOf(offset), PositionOf(offset + length));

    /// <summary>The whole text, for edits that replace it.</summary>
    public LspRange Whole => RangeOf(0, _length);
}
