using CxReports.Dsl.Model;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Charts;

namespace CxReports.Rendering.Html;

/// <summary>
/// What the page's chart script draws: the kind, the category labels along x as the PDF prints them, and per series
/// its name, colour (the PDF's, by meaning) and values with their texts as the tables print them, which the tooltip
/// shows; whether x is time (zoomable) and the locale for axis ticks.
/// </summary>
public sealed record PageChart(string Kind, bool IsTime, string Locale, string? AxisPrefix, string? AxisSuffix, IReadOnlyList<string> Categories,
    IReadOnlyList<bool>? Partial, IReadOnlyList<PageSeries> Series)
{
    public static PageChart Of(ChartData data, ChartKind kind, ValueFormatter format, string locale)
    {
        var categories = data.Categories.Select(c => c switch
        {
            DateOnly d => format.Bucket(d, data.Grain),
            _ => data.X?.LabelOf(c) ?? Convert.ToString(c, format.Culture) ?? "",
        }).ToList();
        var series = data.Series.Select(s =>
        {
            var decimals = ValueFormatter.Decimals(s.Meaning, Engine.Results.ColumnType.Number, s.Values.Where(v => v.HasValue).Select(v => v!.Value));
            return new PageSeries(s.Name, Tones.Hex(s.Color), s.Values,
                s.Values.Select(v => v is { } value ? format.Number(value, s.Meaning, decimals) : format.Text.NoData).ToArray(), s.Margin);
        }).ToList();
        // Percent axes carry the sign where the locale writes it: "%12" in Turkish, "12%" in English.
        var percent = data.Series.Select(s => s.Unit).Distinct().SequenceEqual([Unit.Percent]) ? format.Number(0, Unit.Percent, 0).Split('0', 2) : null;
        return new PageChart(kind.ToString().ToLowerInvariant(), data.IsTime, locale,
            percent?[0] is { Length: > 0 } prefix ? prefix : null, percent?[1] is { Length: > 0 } suffix ? suffix : null, categories, data.Partial, series);
    }
}

/// <summary>
/// A series: name, colour, values (null: no data), each value as printed, and the margin of error of each value when
/// the table carries one (drawn as a band around the line, as in the PDF).
/// </summary>
public sealed record PageSeries(string Name, string Color, IReadOnlyList<double?> Values, IReadOnlyList<string> Texts, IReadOnlyList<double?>? Margins);
