using CxReports.Dsl.Text;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary>Base of every syntax node: an immutable record that knows where it was written.</summary>
public abstract record SyntaxNode
{
    public SourceSpan Span { get; init; }
}

/// <summary>A name as written, with its own span so diagnostics can point at it.</summary>
public sealed record Name(string Text) : SyntaxNode
{
    public override string ToString() => Text;
}
