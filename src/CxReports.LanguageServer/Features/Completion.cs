using System.Globalization;
using CxReports.Dsl.Syntax.Tree;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Symbols;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>
/// Completion: keywords of the block the cursor is in, fields after <c>source.</c> (and through links), metric,
/// source, score and scenario names where they may stand, functions with their signatures, and in strings the
/// time zones, locales and encodings the binder accepts.
/// </summary>
internal static class Completion
{
    private static readonly Lazy<string[]> TimeZones = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal).ToArray());

    private static readonly Lazy<string[]> Locales = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures | CultureTypes.NeutralCultures)
            .Select(c => c.Name).Where(n => n.Length > 0).Order(StringComparer.Ordinal).ToArray());

    private static readonly string[] Encodings = ["utf-8", "utf-16", "latin-1", "windows-1254", "iso-8859-9"];

    public static IReadOnlyList<CompletionItem> At(EditorModel model, Document document, int offset)
    {
        var context = CompletionContext.At(document.Text, offset);
        if (context.InString) return InString(context, document, offset);
        if (context.WordsBefore is ["#", ..]) return [];
        var index = model.Symbols;
        var (owner, block) = SyntaxScope.At(document.Parse.Value, offset);
        if (context.Path.Count > 0) return FieldsAfter(index, context.Path, index.SourcesInScope(owner, block));

        var words = context.WordsBefore;
        var last = words.Count > 0 ? words[^1] : "";
        if (context.AtLineStart) return Keywords(KeywordsOfBlock(context.Block));
        return (context.Block, words[0], last) switch
        {
            ("section", "chart", "chart") => Keywords(CxrVocabulary.ChartKinds),
            (_, _, "grain") or ("section", "cohort", "by") => Keywords(CxrVocabulary.Grains),
            ("source", _, ":") => Keywords(CxrVocabulary.FieldTypes),
            ("source", "key" or "column" or "time", _) when words.Contains(":") => Keywords(CxrVocabulary.Constraints),
            ("metric", "unit", "unit") => Keywords(CxrVocabulary.Units),
            ("schedule", _, "as" or ",") => Keywords(CxrVocabulary.Formats),
            ("alert", "notify", "notify" or ",") => Keywords(CxrVocabulary.AlertChannels),
            ("section", "scores", "scores") => Names(index, SymbolKind.Score),
            ("section", "scenario", "scenario") => Names(index, SymbolKind.Scenario),
            ("section", "cohort", "cohort") or (_, "score", "for") or ("source", "link", ">") => Names(index, SymbolKind.Source),
            (_, "period", "period") => Keywords(CxrVocabulary.PeriodWords),
            (_, _, "compare") => Keywords(["previous"]),
            _ => Expression(index, index.SourcesInScope(owner, block)),
        };
    }

    private static string[] KeywordsOfBlock(string block) => block switch
    {
        "model" => CxrVocabulary.ModelSettings,
        "source" => CxrVocabulary.SourceMembers,
        "options" => CxrVocabulary.Options,
        "report" => CxrVocabulary.ReportMembers,
        "section" => CxrVocabulary.Blocks,
        "schedule" => CxrVocabulary.ScheduleItems,
        "scenario" => CxrVocabulary.ScenarioSettings,
        "metric" => CxrVocabulary.MeaningItems,
        "alert" => CxrVocabulary.AlertMembers,
        "score" => ["band"],
        _ => CxrVocabulary.Declarations,
    };

    private static IReadOnlyList<CompletionItem> InString(CompletionContext context, Document document, int offset)
    {
        string[] values = context.StringAfter switch
        {
            "timezone" => TimeZones.Value,
            "locale" or "label" => Locales.Value,
            "encoding" => Encodings,
            _ => [],
        };
        // Replace what is typed inside the quotes: a zone such as "Europe/Ist" is several words to the editor.
        var range = document.Lines.RangeOf(offset - context.Prefix.Length, context.Prefix.Length);
        return values.Where(v => v.StartsWith(context.Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionItem(v, LspKinds.CompletionValue) { TextEdit = new TextEdit(range, v) })
            .ToArray();
    }

    private static IReadOnlyList<CompletionItem> FieldsAfter(SymbolIndex index, IReadOnlyList<string> path, IReadOnlyList<string> scope)
    {
        string? source;
        if (index.Globals.GetValueOrDefault(path[0]) is SourceDeclaration) source = path[0];
        else if (scope.FirstOrDefault(s => index.FieldsOf(s).ContainsKey(path[0])) is { } owner) source = index.LinkTarget(owner, path[0]);
        else return [];
        foreach (var segment in path.Skip(1))
        {
            if (source is null) return [];
            source = index.LinkTarget(source, segment);
        }
        return source is null ? [] : index.FieldsOf(source).Select(f => Field(source, f.Key, f.Value)).ToArray();
    }

    private static IReadOnlyList<CompletionItem> Expression(SymbolIndex index, IReadOnlyList<string> scope)
    {
        var items = new List<CompletionItem>();
        foreach (var (name, declaration) in index.Globals)
        {
            if (declaration is MetricDeclaration metric)
                items.Add(new CompletionItem(name, LspKinds.CompletionVariable, metric.Label?.Value ?? "metric"));
            else if (declaration is SourceDeclaration source)
                items.Add(new CompletionItem(name, LspKinds.CompletionClass, $"source from \"{source.Path.Value}\""));
        }
        foreach (var source in scope)
            items.AddRange(index.FieldsOf(source).Select(f => Field(source, f.Key, f.Value)));
        items.AddRange(FunctionSignatures.All.Select(f => new CompletionItem(f.Name, LspKinds.CompletionFunction, f.Label, f.Documentation)));
        items.AddRange(Keywords(CxrVocabulary.ExpressionWords));
        return items;
    }

    private static CompletionItem Field(string source, string name, SourceMember member) =>
        new(name, LspKinds.CompletionField, $"{source}: {Describe.Field(member)}");

    private static IReadOnlyList<CompletionItem> Names(SymbolIndex index, SymbolKind kind) =>
        index.Globals.Where(g => SymbolIndex.KindOf(g.Value) == kind)
            .Select(g => new CompletionItem(g.Key, kind == SymbolKind.Source ? LspKinds.CompletionClass : LspKinds.CompletionModule))
            .ToArray();

    private static IReadOnlyList<CompletionItem> Keywords(IEnumerable<string> words) =>
        words.Select(w => new CompletionItem(w, LspKinds.CompletionKeyword)).ToArray();
}
