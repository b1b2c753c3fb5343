using System.Text.RegularExpressions;

namespace CxReports.Rendering.Pdf.Formatting;

/// <summary>Readable labels from model names: "customer.plan" → "Plan", "first_response_h" → "First response (h)", "nps" → "NPS".</summary>
public static partial class Labels
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "nps", "csat", "ces", "ltv", "arpa", "arpu", "mrr", "arr", "nrr", "grr", "acv", "ats", "roi", "cx", "kpi", "id", "sla", "mtd", "ytd",
    };

    public static string Humanize(string name)
    {
        if (CallPattern().Match(name) is { Success: true } call)
        {
            var argument = Humanize(call.Groups["arg"].Value);
            return call.Groups["fn"].Value.Equals("count", StringComparison.OrdinalIgnoreCase)
                ? argument
                : $"{Capital(call.Groups["fn"].Value)} of {Lower(argument)}";
        }
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && dot < name.Length - 1) name = name[(dot + 1)..];
        var words = name.Split('_', StringSplitOptions.RemoveEmptyEntries).ToList();
        var suffix = "";
        if (words.Count > 1)
        {
            switch (words[^1].ToLowerInvariant())
            {
                case "n": words.RemoveAt(words.Count - 1); break;
                case "h": words.RemoveAt(words.Count - 1); suffix = " (h)"; break;
                case "d": words.RemoveAt(words.Count - 1); suffix = " (d)"; break;
                case "pct": words.RemoveAt(words.Count - 1); suffix = " %"; break;
            }
        }
        var text = string.Join(" ", words.Select(w => Acronyms.Contains(w) ? w.ToUpperInvariant() : w));
        return Capital(text) + suffix;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[1]) ? text : text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^(?<fn>[a-z_]+)\((?<arg>[^()]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex CallPattern();
}
