namespace CxReports.Dsl.Text;

/// <summary>A CXR file's path (as shown in diagnostics) and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>The text of the 1-based line, without its line break; empty past the end.</summary>
    public string Line(int line)
    {
        if (line < 1) return "";
        var start = 0;
        // Walk to the line instead of splitting the text: printing a thousand diagnostics of a large file stays linear.
        for (var current = 1; current < line; current++)
        {
            var next = Text.IndexOf('\n', start);
            if (next < 0) return "";
            start = next + 1;
        }
        var end = Text.IndexOf('\n', start);
        return Text[start..(end < 0 ? Text.Length : end)].TrimEnd('\r');
    }
}
