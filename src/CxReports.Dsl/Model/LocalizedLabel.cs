namespace CxReports.Dsl.Model;

/// <summary>
/// The readable name documents show for a field, dimension, score component or band: the one written after its
/// name, and others per locale (<c>label "en" "City"</c>); a report picks by its locale.
/// </summary>
public sealed record LocalizedLabel(string? Default, IReadOnlyDictionary<string, string> ByLocale)
{
    /// <summary>No label: documents show the name.</summary>
    public static LocalizedLabel None { get; } = new(null, new Dictionary<string, string>());

    /// <summary>The label a report in <paramref name="locale"/> shows: the culture's, else its language's, else the default (null: none).</summary>
    public string? For(string locale) => Pick(ByLocale, locale) ?? Default;

    /// <summary>The label for a culture (<c>tr-TR</c>), else for its language alone (<c>tr</c>), else null.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string> labels, string locale) =>
        labels.TryGetValue(locale, out var exact) ? exact
        : labels.FirstOrDefault(l => !l.Key.Contains('-') && locale.StartsWith(l.Key + "-", StringComparison.OrdinalIgnoreCase)).Value;
}
