using CxReports.Dsl.Syntax.Tree;

namespace CxReports.LanguageServer.Features;

/// <summary>One-line descriptions of declarations and fields as written, for hover and completion.</summary>
internal static class Describe
{
    /// <summary><c>column plan = "paket": text</c>; a field without a type is text, a time field a timestamp (grammar/README.md).</summary>
    public static string Field(SourceMember member) => member switch
    {
        FieldMember f => $"{f.Kind.ToString().ToLowerInvariant()} {f.Name.Text} = \"{f.FileColumn?.Value ?? f.Name.Text}\": " +
                         (f.Type?.Text ?? (f.Kind == FieldKind.Time ? "timestamp" : "text")),
        LinkMember l => $"link {l.Name.Text} = {l.FileColumn?.Value ?? l.Name.Text} -> {l.Target.Text}{(l.Required ? " required" : "")}",
        DimensionMember d => $"dimension {d.Name.Text}",
        _ => "",
    };

    /// <summary>The label a field, dimension or declaration was given, if any.</summary>
    public static string? Label(SyntaxNode node) => node switch
    {
        FieldMember f => f.Label?.Value,
        LinkMember l => l.Label?.Value,
        DimensionMember d => d.Label?.Value,
        MetricDeclaration m => m.Label?.Value,
        SourceDeclaration s => s.Label?.Value,
        ReportDeclaration r => r.Title?.Value,
        _ => null,
    };

    /// <summary>The text a node was written as (its first lines when long), from the file it came from.</summary>
    public static string Written(SyntaxNode node, string text, int maxLines = 12)
    {
        var span = node.Span;
        if (span.Offset < 0 || span.Offset + span.Length > text.Length) return "";
        var lines = text.Substring(span.Offset, span.Length).Split('\n');
        return string.Join('\n', lines.Take(maxLines).Select(l => l.TrimEnd('\r'))) + (lines.Length > maxLines ? "\n  ..." : "");
    }
}
