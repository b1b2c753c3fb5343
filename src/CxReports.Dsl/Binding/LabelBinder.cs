using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds the label written after the name of a field, dimension, score component or band, and its labels per locale
/// (<c>label "en" "City"</c>): an empty label, a locale that is not a culture or language name, or a locale labelled
/// twice is CXR037 (control characters are refused for every string already).
/// </summary>
internal sealed class LabelBinder(BinderContext context)
{
    public LocalizedLabel Bind(string what, StringLiteral? label, IReadOnlyList<LabelItem> perLocale)
    {
        if (label is null && perLocale.Count == 0) return LocalizedLabel.None;
        string? main = null;
        if (label is not null)
        {
            if (string.IsNullOrWhiteSpace(label.Value))
                context.Error(DiagnosticCode.InvalidLabel, label.Span, $"the label of {what} is empty", "write the name readers should see, or delete the label");
            else main = label.Value;
        }
        var byLocale = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, LabelItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in perLocale)
        {
            var locale = item.Locale.Value;
            if (!Rules.IsKnownLocale(locale) && !Rules.IsLanguage(locale))
                context.Error(DiagnosticCode.InvalidLabel, item.Locale.Span, $"\"{locale}\" is not a locale",
                    DidYouMean.Suggest(locale, ["en-US", "tr-TR", "de-DE", "en-GB"]) is { } s
                        ? $"did you mean \"{s}\"?"
                        : "write a culture name such as \"tr-TR\" or \"en-US\" (or a language alone: \"en\")");
            else if (seen.TryGetValue(locale, out var first))
                context.Error(DiagnosticCode.InvalidLabel, item.Locale.Span, $"{what} is already labelled for \"{locale}\" at {first.Span}", "keep one label per locale");
            else if (string.IsNullOrWhiteSpace(item.Text.Value))
                context.Error(DiagnosticCode.InvalidLabel, item.Text.Span, $"the \"{locale}\" label of {what} is empty", "write the name readers should see, or delete the label");
            else
            {
                seen[locale] = item;
                byLocale[locale] = item.Text.Value;
            }
        }
        return new LocalizedLabel(main, byLocale);
    }
}
