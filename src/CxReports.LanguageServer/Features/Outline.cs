using CxReports.Dsl.Syntax.Tree;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Symbols;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>Document symbols (the outline: declarations, a source's fields, a score's components) and workspace symbols (every declaration by name).</summary>
internal static class Outline
{
    public static IReadOnlyList<DocumentSymbol> Of(Document document) =>
        document.Parse.Value.Declarations.Where(d => SymbolIndex.KindOf(d) is not null).Select(d => Symbol(document, d)).ToArray();

    /// <summary>Declarations whose name contains the query (any case), from every model the server holds.</summary>
    public static IReadOnlyList<SymbolInformation> Search(IEnumerable<EditorModel> models, string query) =>
        models.SelectMany(m => m.Documents.SelectMany(d => d.Parse.Value.Declarations
                .Where(x => SymbolIndex.KindOf(x) is not null && x.Name.Text.Contains(query, StringComparison.OrdinalIgnoreCase))
                .Select(x => new SymbolInformation(x.Name.Text, KindOf(x), new Location(d.Uri, d.Lines.RangeOf(x.Name.Span.Offset, x.Name.Span.Length)), x.Keyword))))
            .DistinctBy(s => (s.Location.Uri, s.Location.Range.Start))
            .Take(1000)
            .ToArray();

    private static DocumentSymbol Symbol(Document document, Declaration declaration)
    {
        var children = declaration switch
        {
            SourceDeclaration s => s.Members.Select(m => (Member: m, Name: SymbolIndex.FieldName(m))).Where(x => x.Name is not null)
                .Select(x => Leaf(document, x.Name!, x.Member, Describe.Field(x.Member), LspKinds.SymbolField)).ToArray(),
            ScoreDeclaration s => s.Components.Select(c => Leaf(document, c.Name, c, $"weight {c.Weight.Value}", LspKinds.SymbolProperty)).ToArray(),
            _ => null,
        };
        return new DocumentSymbol(declaration.Name.Text, Describe.Label(declaration) ?? declaration.Keyword, KindOf(declaration),
            Covering(document, declaration, declaration.Name), RangeOf(document, declaration.Name), children);
    }

    private static DocumentSymbol Leaf(Document document, Name name, SyntaxNode node, string detail, int kind) =>
        new(name.Text, detail, kind, Covering(document, node, name), RangeOf(document, name), null);

    /// <summary>The node's range, widened to hold its name (the protocol wants the selection inside the range).</summary>
    private static LspRange Covering(Document document, SyntaxNode node, Name name)
    {
        var start = Math.Min(node.Span.Offset, name.Span.Offset);
        var end = Math.Max(node.Span.Offset + node.Span.Length, name.Span.Offset + name.Span.Length);
        return document.Lines.RangeOf(start, end - start);
    }

    private static LspRange RangeOf(Document document, Name name) => document.Lines.RangeOf(name.Span.Offset, name.Span.Length);

    private static int KindOf(Declaration declaration) => declaration switch
    {
        SourceDeclaration => LspKinds.SymbolClass,
        MetricDeclaration => LspKinds.SymbolVariable,
        ScoreDeclaration => LspKinds.SymbolStruct,
        ScenarioDeclaration => LspKinds.SymbolEvent,
        _ => LspKinds.SymbolModule,
    };
}
