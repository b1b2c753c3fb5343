namespace CxReports.Dsl.Text;

/// <summary>Where a piece of CXR text sits: file, 1-based line and column, length and absolute offset.</summary>
public readonly record struct SourceSpan(string File, int Offset, int Line, int Column, int Length)
{
    public static SourceSpan None(string file) => new(file, 0, 1, 1, 0);

    /// <summary>The span from the start of this one to the end of <paramref name="last"/>.</summary>
    public SourceSpan To(SourceSpan last) =>
        this with { Length = Math.Max(Length, last.Offset + last.Length - Offset) };

    public override string ToString() => $"{File}:{Line}:{Column}";
}
