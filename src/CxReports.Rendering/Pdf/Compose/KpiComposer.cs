using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// KPI tables (metric, value, previous, change, and each row's meaning: <see cref="KpiTable"/>) as tiles: the
/// label, unit, decimals and direction come from the row, never from the metric's name or other blocks.
/// </summary>
public static class KpiComposer
{
    public static KpiTilesBlock Compose(ResultTable table, ValueFormatter format) => new(Tiles(table, format));

    /// <summary>Each row as its tile's texts: what every document that states a KPI (a PDF page, an email) prints.</summary>
    public static IReadOnlyList<KpiTile> Tiles(ResultTable table, ValueFormatter format)
    {
        int value = table.IndexOf("value"), previous = table.IndexOf("previous"), change = table.IndexOf("change"), asOf = table.IndexOf("as_of");
        return table.Rows.Select(row => Tile(KpiTable.MeaningOf(table, row), At(row, value), At(row, previous), At(row, change), format,
            asOf >= 0 ? row[asOf] as DateOnly? : null)).ToList();
    }

    /// <summary>
    /// One tile; a snapshot's label says the moment it was taken ("Customers active · at 30 Nov 2026"), as a reader takes
    /// a KPI for "now".
    /// </summary>
    public static KpiTile Tile(Meaning meaning, double? value, double? previous, double? change, ValueFormatter format, DateOnly? asOf = null)
    {
        var label = (meaning.Label ?? "") + (asOf is { } day ? " · " + string.Format(format.Culture, format.Text.Words["as_of"], format.Date(day)) : "");
        var decimals = ValueFormatter.Decimals(meaning, ColumnType.Number, new[] { value, previous }.Where(v => v.HasValue).Select(v => v!.Value));
        // The value states the currency and "per month"; the change and the previous value under it are in the same
        // unit, and a tile is too narrow to say it three times.
        var beside = meaning with { Currency = null, PerMonth = false };
        if (value is not { } current)
        {
            var before = previous is { } p ? $"{format.Text.Previous}: {format.Number(p, beside, decimals)}" : null;
            return new KpiTile(label, format.Text.NoData, false, null, Theme.Neutral, before);
        }
        change ??= previous is { } b ? current - b : null;
        string? changeText = null;
        var color = Theme.Neutral;
        if (change is { } delta)
        {
            var rounded = Math.Round(delta, decimals);
            var arrow = rounded > 0 ? "▲ " : rounded < 0 ? "▼ " : "";
            changeText = arrow + format.Change(delta, beside, decimals);
            if (meaning.RelativeChange && previous is { } basis && format.Relative(delta, basis) is { } relative)
                changeText += $" ({relative})";
            color = ColorFor(rounded, meaning.Direction);
        }
        var comparison = previous is { } prior ? $"{format.Text.Previous}: {format.Number(prior, beside, decimals)}" : null;
        return new KpiTile(label, format.Number(current, meaning, decimals), true, changeText, color, comparison);
    }

    private static double? At(object?[] row, int index) => index < 0 ? null : row[index] switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        int i => i,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>The colour a change is drawn in: good news green, bad news red, a neutral metric's change grey.</summary>
    public static SKColor ColorFor(double change, Direction direction) => (change, direction) switch
    {
        (0, _) or (_, Direction.Neutral) => Theme.Neutral,
        _ => (change > 0) == (direction == Direction.HigherIsBetter) ? Theme.Good : Theme.Bad,
    };
}
