using CxReports.Dsl.Syntax.Tree;

namespace CxReports.LanguageServer.Features;

/// <summary>The declaration and the report block an offset of a file lies in, for the names in scope there.</summary>
internal static class SyntaxScope
{
    public static (Declaration? Owner, Block? Block) At(SyntaxFile file, int offset)
    {
        var owner = file.Declarations.LastOrDefault(d => d.Span.Offset <= offset && offset <= d.Span.Offset + d.Span.Length);
        var block = owner is ReportDeclaration report
            ? report.Members.OfType<SectionMember>().SelectMany(s => s.Blocks)
                .LastOrDefault(b => b.Span.Offset <= offset && offset <= b.Span.Offset + b.Span.Length)
            : null;
        return (owner, block);
    }
}
