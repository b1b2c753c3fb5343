using System.Text;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Tree;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Symbols;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>
/// Hover: a metric's label, definition as written and meaning (unit, decimals, direction; from the last model that
/// bound); a field's file column, type and label; a declaration's header; a function's signature and documentation.
/// </summary>
internal static class HoverInfo
{
    public static Hover? At(EditorModel model, Document document, int offset)
    {
        var index = model.Symbols;
        if (index.At(document.Source.Path, offset) is { } occurrence && Text(model, occurrence.Key) is { } text)
            return new Hover(new MarkupContent("markdown", text), document.Lines.RangeOf(occurrence.Span.Offset, occurrence.Span.Length));
        if (index.CallAt(document.Source.Path, offset) is { } call && FunctionSignatures.Find(call.Function) is { } function)
            return new Hover(new MarkupContent("markdown", $"```cxr\n{function.Label}\n```\n{function.Documentation}"),
                document.Lines.RangeOf(call.Span.Offset, call.Span.Length));
        return null;
    }

    private static string? Text(EditorModel model, SymbolKey key)
    {
        if (model.Symbols.Definition(key) is not { } node || model.ByShownPath(node.Span.File) is not { } file) return null;
        var label = Describe.Label(node);
        var text = new StringBuilder();
        switch (node)
        {
            case SourceMember member:
                text.Append($"**{label ?? key.Name}** — field of source `{key.Owner}`\n\n```cxr\n{Describe.Field(member)}\n```");
                break;
            case MetricDeclaration metric:
                text.Append($"**{label ?? key.Name}** — metric `{key.Name}`\n\n```cxr\n{Describe.Written(metric, file.Text)}\n```");
                if ((model.Compiled.Model ?? model.LastGoodModel)?.Metrics.GetValueOrDefault(key.Name) is { } bound) text.Append('\n').Append(Meaning(bound.Meaning));
                break;
            case Declaration declaration:
                text.Append($"**{label ?? key.Name}** — {declaration.Keyword} `{key.Name}`\n\n```cxr\n{Describe.Written(declaration, file.Text, maxLines: 1)}\n```");
                break;
            default:
                return null;
        }
        return text.ToString();
    }

    /// <summary><c>unit: percent · 1 decimal · higher is better · per month</c>.</summary>
    private static string Meaning(Meaning meaning)
    {
        var parts = new List<string> { $"unit: {meaning.Unit.ToString().ToLowerInvariant()}{(meaning.Currency is { } c && meaning.Unit == Unit.Currency ? $" ({c})" : "")}" };
        if (meaning.Decimals is { } d) parts.Add($"{d} decimal{(d == 1 ? "" : "s")}");
        parts.Add(meaning.Direction switch
        {
            Direction.HigherIsBetter => "higher is better",
            Direction.LowerIsBetter => "lower is better",
            _ => "neutral",
        });
        if (meaning.PerMonth) parts.Add("per month");
        return string.Join(" · ", parts);
    }
}
