using CxReports.LanguageServer.Symbols;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>
/// Semantic tokens: what each resolved name is (source, metric, field, score, scenario, report, function), which the
/// TextMate grammar cannot know: <c>churn</c> is a metric in one place and a scenario setting in another.
/// </summary>
internal static class SemanticTokens
{
    /// <summary>The token types, in the order their numbers refer to (announced at initialize).</summary>
    public static readonly string[] Types = ["class", "variable", "property", "struct", "event", "namespace", "function"];

    /// <summary>The one modifier: the name is where the symbol is defined.</summary>
    public static readonly string[] Modifiers = ["declaration"];

    /// <summary>The tokens of a document in the protocol's relative encoding: line delta, start delta, length, type, modifiers.</summary>
    public static IReadOnlyList<int> Of(EditorModel model, Document document)
    {
        var index = model.Symbols;
        var tokens = index.OccurrencesIn(document.Source.Path).Select(o => (o.Span.Offset, o.Span.Length, Type: TypeOf(o.Key.Kind), Modifiers: o.IsDefinition ? 1 : 0))
            .Concat(index.CallsIn(document.Source.Path).Select(c => (c.Span.Offset, c.Span.Length, Type: FunctionType, Modifiers: 0)))
            .OrderBy(t => t.Offset)
            .DistinctBy(t => t.Offset);
        var data = new List<int>();
        int line = 0, character = 0;
        foreach (var token in tokens)
        {
            var start = document.Lines.PositionOf(token.Offset);
            data.AddRange([start.Line - line, start.Line == line ? start.Character - character : start.Character, token.Length, token.Type, token.Modifiers]);
            (line, character) = (start.Line, start.Character);
        }
        return data;
    }

    /// <summary>The token type of a function name (its index in <see cref="Types"/>).</summary>
    private const int FunctionType = 6;

    private static int TypeOf(SymbolKind kind) => kind switch
    {
        SymbolKind.Source => 0,
        SymbolKind.Metric => 1,
        SymbolKind.Field => 2,
        SymbolKind.Score => 3,
        SymbolKind.Scenario => 4,
        SymbolKind.Report => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A symbol kind without a token type."),
    };
}
