using System.Globalization;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// The values of a <c>timezone</c>, <c>locale</c> or text setting, checked the same way wherever they are written (a
/// report, the model block): an unknown zone is CXR018, an unknown locale CXR027, a locale without words CXR055.
/// </summary>
internal sealed class SettingValues(BinderContext context)
{
    /// <summary>The setting's one string; null when absent, or (reported) when it is not one string in quotes.</summary>
    public string? Text(Setting? setting)
    {
        if (setting is null) return null;
        if (setting.Values is [StringLiteral s]) return s.Value;
        context.Error(DiagnosticCode.InvalidSetting, setting.Span, $"'{setting.Keyword.Text}' takes one string in quotes");
        return null;
    }

    /// <summary>The zone named; null when absent or unknown (reported, with the closest zone).</summary>
    public TimeZoneInfo? TimeZone(Setting? setting)
    {
        var zone = Text(setting);
        if (zone is null) return null;
        if (Rules.FindTimeZone(zone) is { } found) return found;
        context.Error(DiagnosticCode.UnknownTimeZone, setting!.Values[0].Span, $"unknown time zone \"{zone}\"",
            DidYouMean.Hint(zone, Rules.TimeZoneIds) ?? "use an IANA zone such as \"Europe/Istanbul\" or \"UTC\"");
        return null;
    }

    /// <summary>The culture named; null when absent or unknown (reported). One without translated words is a warning.</summary>
    public CultureInfo? Locale(Setting? setting)
    {
        var locale = Text(setting);
        if (locale is null) return null;
        if (Rules.IsKnownLocale(locale))
        {
            if (!Rules.TranslatedLocales.Contains(locale, StringComparer.OrdinalIgnoreCase))
                context.Error(DiagnosticCode.UntranslatedLocale, setting!.Values[0].Span,
                    $"locale \"{locale}\" has no translated words: documents print its numbers and dates with English words",
                    $"the locales with every word translated are {string.Join(" and ", Rules.TranslatedLocales.Select(l => $"\"{l}\""))}");
            return CultureInfo.GetCultureInfo(locale);
        }
        context.Error(DiagnosticCode.InvalidSetting, setting!.Values[0].Span, $"unknown locale \"{locale}\"", "use a language-region name such as \"en-US\" or \"tr-TR\"");
        return null;
    }
}
