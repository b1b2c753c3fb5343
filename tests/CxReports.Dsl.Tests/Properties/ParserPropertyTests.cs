using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Properties;

/// <summary>
/// Whatever text it is given, the front end answers with diagnostics, never an exception, and every diagnostic
/// points inside the text it is about. Inputs are token soups and mutated copies of the design examples.
/// </summary>
public partial class ParserPropertyTests
{
    private const int Iterations = 400;

    private static readonly IReadOnlyList<SourceFile> Examples = Fixture.Files("dsl_examples");
    private static readonly SemanticModel ExampleModel = ModelBinder.Compile(Examples).Model!;

    private static readonly string[] Fragments =
    [
        // declarations, members and clauses
        "source", "metric", "score", "scenario", "report", "alert", "drops", "points", "vs", "min", "significance", "check", "notify", "from", "format", "key", "column", "time", "link", "lifecycle",
        "dimension", "recurring", "options", "required", "range", "default", "where", "per", "month", "by", "top", "asc",
        "section", "kpi", "chart", "line", "table", "cohort", "scores", "text", "param", "filter", "unless", "schedule",
        "email", "folder", "webhook", "as", "subject", "skip", "when", "empty", "band", "weight", "scale", "within", "over",
        "compare", "previous", "period", "last", "this", "grain", "timezone", "locale", "description", "retain", "value",
        "margin", "churn", "cost", "discount", "horizon", "in", "not", "and", "or", "between",
        // functions and names the examples define
        "count", "sum", "mean", "percentile", "first", "nps", "csat", "churn_rate", "mrr", "arpa", "ltv", "hours", "bucket",
        "coalesce", "responses", "customers", "invoices", "costs", "score", "plan", "channel", "customer", "health",
        "müşteri_no", "sağlıklı", "value:", "churn:", "margin:",
        // punctuation and operators
        "{", "}", "(", ")", ",", ":", ".", "..", "->", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "!", "@",
        // literals, good and bad
        "0", "12", "3.5", "80%", "1.5", "2025-01-31", "2025-02-30", "99999999999999999999999999999999", "99999999999", "99999999999%",
        "30 days", "\"x\"", "\"0 8 * * MON\"", "\"Europe/Istanbul\"", "\"../x.csv\"", "\"unclosed", "\"a\\qb\"", "\"\\", "\"",
        // layout
        " ", "  ", "\n", "\r\n", "\t", "# comment\n", "\n  ",
    ];

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (12, Gen.OneOf(Fragments)),
        (1, Gen.Char.Select(c => c.ToString())),
        (1, Gen.String[0, 6]));

    /// <summary>Up to a few hundred fragments glued with spaces, line breaks or nothing.</summary>
    private static readonly Gen<string> TokenSoup =
        Gen.Select(Fragment, Gen.OneOf("", " ", " ", "\n")).Array[0, 200]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    [Fact]
    public void Random_text_never_throws_and_every_diagnostic_points_inside_it()
    {
        TokenSoup.Sample(text =>
        {
            var file = new SourceFile("soup.cxr", text);
            AssertInside(CxrParser.ParseFile(file).Diagnostics, [file]);
            AssertInside(ModelBinder.Compile([file]).Diagnostics, [file]);
            AssertInside(ModelBinder.Compile([.. Examples, file]).Diagnostics, [.. Examples, file]);
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Random_queries_never_throw_and_every_diagnostic_points_inside_them()
    {
        TokenSoup.Sample(text =>
        {
            var query = new SourceFile("<query>", text);
            AssertInside(CxrParser.ParseQuery(text).Diagnostics, [query]);
            AssertInside(ModelBinder.BindQuery(ExampleModel, text).Diagnostics, [query]);
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Mutated_examples_never_throw_and_every_diagnostic_points_inside_them()
    {
        var mutated =
            from index in Gen.Int[0, Examples.Count - 1]
            from mutations in Mutation.Array[1, 6]
            select (Index: index, Text: mutations.Aggregate(Examples[index].Text, (text, mutate) => mutate(text)));
        mutated.Sample(m =>
        {
            var file = Examples[m.Index] with { Text = m.Text };
            var files = Examples.Select((f, i) => i == m.Index ? file : f).ToArray();
            AssertInside(CxrParser.ParseFile(file).Diagnostics, [file]);
            AssertInside(ModelBinder.Compile(files).Diagnostics, files);
        }, iter: Iterations, print: m => Show(m.Text));
    }

    [Fact]
    public void Mutated_example_queries_never_throw_and_every_diagnostic_points_inside_them()
    {
        string[] queries =
        [
            "nps, responses_n by month, customer.plan where channel = \"chat\"",
            "churn by quarter top 5 by churn asc",
            "count(churns) by reason",
            "nps, nps_margin, responses_n by channel",
        ];
        var mutated =
            from query in Gen.OneOf(queries)
            from mutations in Mutation.Array[1, 4]
            select mutations.Aggregate(query, (text, mutate) => mutate(text));
        mutated.Sample(text =>
        {
            AssertInside(ModelBinder.BindQuery(ExampleModel, text).Diagnostics, [new SourceFile("<query>", text)]);
        }, iter: Iterations, print: Show);
    }

    // ---- mutations ---------------------------------------------------------------------------------------

    /// <summary>A random edit: delete, duplicate or swap character ranges or whole tokens, or insert a fragment.</summary>
    private static readonly Gen<Func<string, string>> Mutation =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[1, 40], Fragment,
            (kind, a, b, length, fragment) => (Func<string, string>)(text => kind switch
            {
                0 => DeleteRange(text, a, length),
                1 => DuplicateRange(text, a, length),
                2 => SwapRanges(text, a, b, length),
                3 => Insert(text, a, fragment),
                _ => MutateTokens(text, kind == 4 ? 0 : 1, a, b),
            }));

    private static (int Start, int Length) Range(string text, int at, int length)
    {
        var start = text.Length == 0 ? 0 : at % text.Length;
        return (start, Math.Min(length, text.Length - start));
    }

    private static string DeleteRange(string text, int at, int length)
    {
        var (start, count) = Range(text, at, length);
        return text.Remove(start, count);
    }

    private static string DuplicateRange(string text, int at, int length)
    {
        var (start, count) = Range(text, at, length);
        return text.Insert(start, text.Substring(start, count));
    }

    private static string SwapRanges(string text, int a, int b, int length)
    {
        var (first, firstLength) = Range(text, Math.Min(a, b), length);
        var (second, secondLength) = Range(text, Math.Max(a, b), length);
        if (first + firstLength > second) return text;
        return text[..first] + text.Substring(second, secondLength) + text[(first + firstLength)..second]
            + text.Substring(first, firstLength) + text[(second + secondLength)..];
    }

    private static string Insert(string text, int at, string fragment) =>
        text.Insert(text.Length == 0 ? 0 : at % (text.Length + 1), fragment);

    /// <summary>Token-level edits: 0 deletes the token at <paramref name="a"/>, 1 swaps the tokens at a and b.</summary>
    private static string MutateTokens(string text, int kind, int a, int b)
    {
        var tokens = TokenRegex().Matches(text).ToArray();
        if (tokens.Length == 0) return text;
        var x = tokens[a % tokens.Length];
        var y = tokens[b % tokens.Length];
        if (kind == 0) return text.Remove(x.Index, x.Length);
        if (x.Index > y.Index) (x, y) = (y, x);
        if (x.Index == y.Index) return text;
        return text[..x.Index] + y.Value + text[(x.Index + x.Length)..y.Index] + x.Value + text[(y.Index + y.Length)..];
    }

    [GeneratedRegex(@"""[^""\n]*""?|\w+|\.\.|->|[<>!]=|\S")]
    private static partial Regex TokenRegex();

    // ---- the property ---------------------------------------------------------------------------------------

    /// <summary>Every diagnostic names one of the files, and its line, column and offset agree and lie inside that file's text.</summary>
    private static void AssertInside(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<SourceFile> files)
    {
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Span;
            var file = files.FirstOrDefault(f => f.Path == span.File);
            Assert.True(file is not null, $"{diagnostic}: names no file it was given");
            var text = file!.Text;
            var lines = text.Split('\n').Length;
            Assert.True(span.Line >= 1 && span.Line <= lines + 1, $"{diagnostic}: line {span.Line} outside 1..{lines + 1}");
            Assert.True(span.Column >= 1, $"{diagnostic}: column {span.Column} below 1");
            Assert.True(span.Offset >= 0 && span.Length >= 0 && span.Offset + span.Length <= text.Length,
                $"{diagnostic}: offset {span.Offset}+{span.Length} outside a text of {text.Length} characters");
            var lineStart = text.LastIndexOf('\n', Math.Max(0, span.Offset - 1)) + 1;
            if (span.Offset == 0) lineStart = 0;
            var line = text[..span.Offset].Count(c => c == '\n') + 1;
            Assert.True((span.Line, span.Column) == (line, span.Offset - lineStart + 1),
                $"{diagnostic}: line and column disagree with offset {span.Offset} ({line}:{span.Offset - lineStart + 1})");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"{diagnostic}: empty message");
        }
    }

    private static string Show(string text)
    {
        var shown = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
            shown.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        return shown.Append('"').ToString();
    }
}
