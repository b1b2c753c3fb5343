using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds each metric's meaning block over the meaning its function gives: a declared
/// unit brings that unit's defaults, then declared decimals, direction and relative change override them; money takes
/// the model's currency; labels per locale are kept by culture name.
/// </summary>
internal sealed class MeaningBinder(BinderContext context)
{
    /// <summary>Decimals beyond this say nothing a reader can see and make columns too wide.</summary>
    public const int MaxDecimals = 6;

    private static readonly Dictionary<string, Unit> Units = Enum.GetValues<Unit>()
        .ToDictionary(u => u.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The metric's meaning with its block applied to <paramref name="inferred"/>, and its labels per locale.</summary>
    public (Meaning Meaning, IReadOnlyDictionary<string, string> Labels) Apply(MetricDeclaration metric, Meaning inferred, string? currency)
    {
        var meaning = inferred;
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, MeaningItem>(StringComparer.Ordinal);
        var units = metric.Meaning.OfType<UnitItem>().ToArray();
        if (units.FirstOrDefault() is { } unitItem && seen.TryAdd("unit", unitItem))
        {
            if (Units.TryGetValue(unitItem.Unit.Text, out var unit))
                meaning = Meaning.Of(unit, meaning.Direction, meaning.Label) with { PerMonth = meaning.PerMonth };
            else
                context.Error(DiagnosticCode.InvalidMeaning, unitItem.Unit.Span, $"unknown unit '{unitItem.Unit.Text}'",
                    DidYouMean.Hint(unitItem.Unit.Text, Units.Keys) ?? $"units are {string.Join(", ", Units.Keys)}");
        }
        foreach (var item in metric.Meaning)
        {
            var key = item switch
            {
                LabelItem label => "label " + label.Locale.Value.ToLowerInvariant(),
                _ => item.GetType().Name,
            };
            if (!seen.TryAdd(key, item) && !ReferenceEquals(seen[key], item))
            {
                context.Error(DiagnosticCode.InvalidMeaning, item.Span, $"{Describe(item)} is declared twice for metric '{metric.Name.Text}'",
                    "keep one line");
                continue;
            }
            switch (item)
            {
                case DecimalsItem decimals:
                    if (decimals.Count.Value is var d && (d != decimal.Truncate(d) || d < 0 || d > MaxDecimals))
                        context.Error(DiagnosticCode.InvalidMeaning, decimals.Count.Span, $"`decimals {d.ToString(CultureInfo.InvariantCulture)}` is not a number of decimals from 0 to {MaxDecimals}",
                            "write a whole number such as `decimals 0` or `decimals 1`");
                    else meaning = meaning with { Decimals = (int)decimals.Count.Value };
                    break;
                case DirectionItem direction:
                    meaning = meaning with
                    {
                        Direction = direction.Word.Text switch
                        {
                            "higher" => Direction.HigherIsBetter,
                            "lower" => Direction.LowerIsBetter,
                            _ => Direction.Neutral,
                        },
                    };
                    break;
                case LabelItem label:
                    if (!Rules.IsKnownLocale(label.Locale.Value) && !Rules.IsLanguage(label.Locale.Value))
                        context.Error(DiagnosticCode.InvalidMeaning, label.Locale.Span, $"\"{label.Locale.Value}\" is not a locale",
                            DidYouMean.Suggest(label.Locale.Value, ["en-US", "tr-TR", "de-DE", "en-GB"]) is { } s
                                ? $"did you mean \"{s}\"?"
                                : "write a culture name such as \"tr-TR\" or \"en-US\" (or a language alone: \"tr\")");
                    else if (string.IsNullOrWhiteSpace(label.Text.Value))
                        context.Error(DiagnosticCode.InvalidMeaning, label.Text.Span, "a label cannot be empty", "write the readable name, or delete the line");
                    else labels[label.Locale.Value] = label.Text.Value;
                    break;
            }
        }
        // Relative change last: whether it makes sense depends on the unit, declared or not.
        if (metric.Meaning.OfType<RelativeChangeItem>().FirstOrDefault() is { } relative)
        {
            if (relative.Allowed && meaning.Unit is Unit.Percent or Unit.Score or Unit.Ratio)
                context.Error(DiagnosticCode.InvalidMeaning, relative.Span,
                    $"a relative change of a {Units.First(u => u.Value == meaning.Unit).Key} says nothing: \"+10%\" of a churn of 2% reads like 12%",
                    "delete the line: the change is shown in points");
            else meaning = meaning with { RelativeChange = relative.Allowed };
        }
        if (meaning.Unit == Unit.Currency)
        {
            if (currency is not null) meaning = meaning with { Currency = currency };
            else if (units.FirstOrDefault() is { Unit.Text: "currency" } declared)
                context.Diagnostics.Add(DiagnosticCode.MoneyWithoutCurrency, declared.Span,
                    $"metric '{metric.Name.Text}' is money, but the model declares no currency", "add `currency \"TRY\"` (your ISO 4217 code) to the model block: `model { currency \"TRY\" }`");
        }
        return (meaning, labels);
    }

    private static string Describe(MeaningItem item) => item switch
    {
        UnitItem => "its unit",
        DecimalsItem => "its decimals",
        DirectionItem => "its direction",
        RelativeChangeItem => "whether a relative change fits",
        LabelItem label => $"its label for \"{label.Locale.Value}\"",
        _ => "a meaning",
    };
}
