namespace CxReports.Rendering.Sheets;

/// <summary>
/// Names for worksheets that Excel accepts: at most 31 characters, none of <c>[ ] : * ? / \</c> nor control
/// characters, no apostrophe first or last, not "History" (Excel keeps it for itself), and unique ignoring case
/// (the second "Churn" becomes "Churn (2)").
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase) { "History" };

    /// <summary>A new unique name from <paramref name="wanted"/>, or from <paramref name="fallback"/> when nothing of it is left.</summary>
    public string Take(string? wanted, string fallback)
    {
        var name = Clean(wanted ?? "");
        if (name.Length == 0) name = Clean(fallback);
        if (name.Length == 0) name = "Sheet";
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(name, MaxLength - suffix.Length).TrimEnd() + suffix;
        }
        return candidate;
    }

    private static string Clean(string text)
    {
        var kept = new string(text.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? ' ' : c).ToArray());
        var single = string.Join(' ', kept.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Cut(single.Trim('\''), MaxLength).Trim().Trim('\'');
    }

    /// <summary>At most <paramref name="length"/> UTF-16 units, never half of a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut];
    }
}
