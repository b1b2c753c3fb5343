using System.Text.RegularExpressions;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Fuzz;

/// <summary>What went wrong with one input: an exception, or a formatter round trip that did not hold.</summary>
public sealed record Finding(string Kind, string Detail);

/// <summary>
/// Drives one input through the whole front end and checks what must hold for every text: the tokenizer and
/// parser answer with diagnostics (never an exception) for the text as a file and as a query; the binder binds it
/// with the sample model; and when it parses cleanly, its formatted text parses cleanly to the same tree, binds to
/// the same model with the same diagnostics (positions aside), keeps every comment, and formats to itself.
/// </summary>
public sealed partial class RoundTripOracle
{
    private const string FileName = "fuzz.cxr";

    private readonly IReadOnlyList<SyntaxFile> _model;
    private readonly SemanticModel _boundModel;

    public RoundTripOracle(IReadOnlyList<SourceFile> model)
    {
        _model = model.Select(f => CxrParser.ParseFile(f).Value).ToArray();
        _boundModel = ModelBinder.Bind(_model).Model ?? throw new InvalidOperationException("the sample model does not bind");
    }

    /// <summary>How many checked inputs parsed without errors, so went through the whole formatter round trip.</summary>
    public long RoundTrips { get; private set; }

    /// <summary>Null when everything holds; otherwise what did not. Exceptions propagate to the caller.</summary>
    public Finding? Check(string text)
    {
        var parsed = CxrParser.ParseFile(new SourceFile(FileName, text));
        if (Outside(parsed.Diagnostics, text) is { } stray) return new Finding("diagnostic outside the text", stray.Headline);
        var bound = Bind(parsed.Value);

        if (text.Length <= 2000)
        {
            // BindQuery parses the text as a query first, so this drives the query parser too.
            var (_, queryDiagnostics) = ModelBinder.BindQuery(_boundModel, text);
            if (Outside(queryDiagnostics, text) is { } strayInQuery) return new Finding("query diagnostic outside the text", strayInQuery.Headline);
        }

        if (parsed.HasErrors) return null;
        RoundTrips++;
        var blockBeside = Beside(parsed.Value).Any(f => f.Declarations.OfType<ModelDeclaration>().Any());
        var formatted = CxrFormatter.Format(parsed.Value, blockBeside);
        var reparsed = CxrParser.ParseFile(new SourceFile(FileName, formatted));
        if (reparsed.HasErrors)
            return new Finding("formatted text does not parse", string.Join("\n", reparsed.Diagnostics.Select(d => d.Headline)) + "\n--- formatted:\n" + formatted);
        if (SyntaxShape.Of(parsed.Value) != SyntaxShape.Of(reparsed.Value))
            return new Finding("formatted text parses to another tree", $"--- formatted:\n{formatted}\n--- tree before:\n{SyntaxShape.Of(parsed.Value)}\n--- tree after:\n{SyntaxShape.Of(reparsed.Value)}");
        if (parsed.Value.Comments.Length != reparsed.Value.Comments.Length)
            return new Finding("formatting lost comments", $"{parsed.Value.Comments.Length} before, {reparsed.Value.Comments.Length} after\n--- formatted:\n{formatted}");
        var rebound = Bind(reparsed.Value);
        var before = Shape(parsed.Diagnostics.Concat(bound.Diagnostics), bound.Model);
        var after = Shape(reparsed.Diagnostics.Concat(rebound.Diagnostics), rebound.Model);
        if (before != after)
            return new Finding("formatted text binds differently", $"--- before:\n{before}\n--- after:\n{after}\n--- formatted:\n{formatted}");
        var again = CxrFormatter.Format(reparsed.Value, blockBeside);
        if (again != formatted)
            return new Finding("formatting is not idempotent", $"--- once:\n{formatted}\n--- twice:\n{again}");
        return null;
    }

    private BindResult Bind(SyntaxFile file) => ModelBinder.Bind([.. Beside(file), file]);

    /// <summary>The files of the sample model bound with <paramref name="file"/>: those that define none of its names.</summary>
    private IEnumerable<SyntaxFile> Beside(SyntaxFile file) =>
        _model.Where(m => m.Declarations.All(d => file.Declarations.All(f => f.Name.Text != d.Name.Text)));

    /// <summary>The first diagnostic whose span does not lie inside the text it is about.</summary>
    private static Diagnostic? Outside(IEnumerable<Diagnostic> diagnostics, string text) =>
        diagnostics.FirstOrDefault(d => d.Span.File is FileName or "<query>"
                                        && (d.Span.Offset < 0 || d.Span.Length < 0 || d.Span.Offset + d.Span.Length > text.Length || d.Span.Line < 1 || d.Span.Column < 1));

    /// <summary>The diagnostics (codes and messages, positions taken out) and the declarations of a bound model.</summary>
    private static string Shape(IEnumerable<Diagnostic> diagnostics, SemanticModel? model)
    {
        var lines = diagnostics.Select(d => $"{d.Code.Id} {Layout().Replace(LeadingZeros().Replace(Quoted().Replace(Position().Replace(d.Message, "@"), "'…'"), ""), "")}")
            .Order(StringComparer.Ordinal).ToList();
        if (model is not null)
        {
            lines.Add("sources " + string.Join(",", model.Sources.Keys.Order(StringComparer.Ordinal)));
            lines.Add("metrics " + string.Join(",", model.Metrics.Values.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => $"{m.Name}:{m.Meaning}:{m.Monthly}:{string.Join("+", m.DependsOn)}:{string.Join("+", m.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))}")));
            lines.Add($"settings {model.Settings.TimeZone.Id} {model.Settings.Locale.Name} {model.Settings.Currency}");
            lines.Add("scores " + string.Join(",", model.Scores.Keys.Order(StringComparer.Ordinal)));
            lines.Add("scenarios " + string.Join(",", model.Scenarios.Values.OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => $"{s.Name}:{s.MeasuredAgainst}:{s.Customers is not null}")));
            lines.Add("reports " + string.Join(",", model.Reports.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => $"{r.Name}:{r.Sections.Sum(s => s.Blocks.Count)}")));
        }
        return string.Join("\n", lines);
    }

    /// <summary>Text quoted as written (<c>'(a + b)'</c>), which formatting rewrites without changing its meaning.</summary>
    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    /// <summary>
    /// Spaces and parentheses, which is all formatting changes in text a message echoes without quotes
    /// (<c>default in ("a")</c> is printed <c>default in("a")</c>).
    /// </summary>
    [GeneratedRegex(@"[\s()]")]
    private static partial Regex Layout();

    /// <summary>
    /// Leading zeros of whole numbers a message echoes without quotes: the formatter prints the number's value
    /// (<c>0199</c> as <c>199</c>), which is the same number.
    /// </summary>
    [GeneratedRegex(@"(?<![\d.])0+(?=\d)")]
    private static partial Regex LeadingZeros();

    /// <summary><c>file:line:col</c> and <c>line N</c> inside messages (positions move when text is reformatted).</summary>
    [GeneratedRegex(@"\S+:\d+:\d+|line \d+")]
    private static partial Regex Position();
}
