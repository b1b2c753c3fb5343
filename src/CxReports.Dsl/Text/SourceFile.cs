namespace CxReports.Dsl.Text;

/// <summary>A CXR file's path (as shown in diagnostics) and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>The text of the 1-based line, without its line break; empty past the end.</summary>
    public string Line(int line)
    {
        var lines = Text.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : "";
    }
}
