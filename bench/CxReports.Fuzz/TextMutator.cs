using System.Text;

namespace CxReports.Fuzz;

/// <summary>
/// Random edits of CXR text: deleting, duplicating, swapping and splicing ranges; inserting tokens, broken
/// literals and unusual characters; and the shapes that stress limits: runs of parentheses, minus signs and
/// <c>not</c>, long operator chains, chains of metrics.
/// </summary>
public sealed class TextMutator(Random random)
{
    private static readonly string[] Fragments =
    [
        "source", "metric", "score", "scenario", "report", "alert", "drops", "rises", "points", "vs", "significance", "notify", "slack", "teams", "from", "key", "column", "time", "link", "lifecycle", "dimension",
        "recurring", "options", "required", "range", "default", "labels", "order", "where", "per", "month", "by", "top", "asc", "desc", "section",
        "kpi", "chart", "line", "table", "cohort", "scores", "text", "param", "filter", "unless", "schedule", "email", "folder",
        "webhook", "as", "subject", "file", "skip", "when", "empty", "band", "weight", "scale", "within", "over", "compare", "measure", "against",
        "previous", "period", "last", "this", "grain", "timezone", "in", "not", "and", "or", "between", "true", "false",
        "nps", "count", "ltv", "bucket", "customers", "responses", "customer.plan", "value:", "margin:",
        "currency", "unit", "decimals", "higher", "lower", "is", "better", "neutral", "relative", "change", "no", "label", "at", "start", "end",
        "{", "}", "(", ")", ",", ":", ".", "..", "->", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "!", "@", "#",
        "0", "12", "3.5", "80%", "2025-01-31", "2025-02-30", "0001-01-01", "9999-12-31", "99999999999999999999999999999",
        "30 days", "\"x\"", "\"unclosed", "\"a\\qb\"", "\"\\", "\"", "\"\u0000\"", "\"\u202E\"", "\u202E", "\u0000", "\u200B",
        "р", "ѕ", "ı", "İ", "😀", "\uD800", "\uFEFF", " ", "\n", "\r\n", "\r", "\t", "# comment\n", "\n  ", "\u00A0",
    ];

    /// <summary>One to <paramref name="maxEdits"/> edits of <paramref name="text"/>; <paramref name="other"/> supplies spliced text.</summary>
    public string Mutate(string text, string other, int maxEdits = 6)
    {
        for (var edits = random.Next(1, maxEdits + 1); edits > 0; edits--)
            text = random.Next(14) switch
            {
                0 or 1 => Delete(text),
                2 => Duplicate(text),
                3 => Swap(text),
                4 or 5 or 6 => Insert(text, Pick(Fragments)),
                7 => Insert(text, Splice(other)),
                8 => ReplaceChar(text),
                9 => Wrap(text),
                10 => Insert(text, string.Concat(Enumerable.Repeat(Pick(["- ", "not ", "(", "-(", "a(", "f(x, "]), Count()))),
                11 => Insert(text, string.Concat(Enumerable.Repeat(Pick([" + 1", " and x = 1", " or true", " * 2", " - -1"]), Count()))),
                12 => Insert(text, MetricChain()),
                _ => DuplicateLine(text),
            };
        return text;
    }

    /// <summary>Mostly small, sometimes right at a limit (99, 100, 101) and sometimes far beyond it.</summary>
    private int Count() => random.Next(40) switch
    {
        < 4 => random.Next(98, 103),
        < 7 => random.Next(240, 260),
        7 => random.Next(500, 1500),
        _ => random.Next(1, 30),
    };

    private string MetricChain()
    {
        var text = new StringBuilder("\n");
        var count = Count();
        var twice = random.Next(4) == 0;
        for (var i = count; i >= 1; i--)
            text.Append($"metric q{i} = q{i - 1} + {(twice ? $"q{i - 1}" : "1")}\n");
        return text.Append("metric q0 = nps\n").ToString();
    }

    private string Splice(string other)
    {
        var (start, length) = Range(other);
        return other.Substring(start, length);
    }

    private int Start(string text) => text.Length == 0 ? 0 : random.Next(text.Length);

    private (int Start, int Length) Range(string text)
    {
        var start = Start(text);
        return (start, Math.Min(random.Next(1, 40), text.Length - start));
    }

    private string Delete(string text)
    {
        var (start, length) = Range(text);
        return text.Remove(start, length);
    }

    private string Duplicate(string text)
    {
        var (start, length) = Range(text);
        return text.Insert(start, text.Substring(start, length));
    }

    private string Swap(string text)
    {
        var (a, length) = Range(text);
        var b = Start(text);
        if (text.Length == 0) return text;
        var piece = text.Substring(a, length);
        var removed = text.Remove(a, length);
        return removed.Insert(Math.Min(b, removed.Length), piece);
    }

    private string Insert(string text, string fragment) => text.Insert(Start(text), fragment);

    private string ReplaceChar(string text)
    {
        if (text.Length == 0) return text;
        var at = random.Next(text.Length);
        var c = random.Next(4) == 0 ? (char)random.Next(0, 0x3000) : Pick(Fragments)[0];
        return text.Remove(at, 1).Insert(at, c.ToString());
    }

    private string Wrap(string text)
    {
        var (start, length) = Range(text);
        var times = Count();
        return text.Insert(start + length, new string(')', times)).Insert(start, new string('(', times));
    }

    private string DuplicateLine(string text)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        lines.Insert(random.Next(lines.Count + 1), lines[at]);
        return string.Join('\n', lines);
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
