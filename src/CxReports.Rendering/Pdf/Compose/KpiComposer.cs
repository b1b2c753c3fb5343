using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Formatting;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// KPI tables (metric, value, previous, change) as tiles. A metric's unit comes from an optional <c>unit</c> text
/// column (one per row), else from the value column's unit, else from a column of the same name elsewhere in the
/// report (the engine does not put units on KPI rows yet).
/// </summary>
public static class KpiComposer
{
    public static KpiTilesBlock Compose(ResultTable table, ValueFormatter format, IReadOnlyDictionary<string, Unit>? knownUnits = null)
    {
        int metric = table.IndexOf("metric"), value = table.IndexOf("value"), previous = table.IndexOf("previous"),
            change = table.IndexOf("change"), unitColumn = table.IndexOf("unit");
        var columnUnit = value >= 0 ? table.Columns[value].Unit : Unit.None;
        var tiles = table.Rows.Select(row =>
        {
            var name = metric >= 0 ? Convert.ToString(row[metric], format.Culture) ?? "" : "";
            var unit = unitColumn >= 0 && Enum.TryParse<Unit>(row[unitColumn] as string, ignoreCase: true, out var u) ? u
                : columnUnit != Unit.None ? columnUnit
                : knownUnits?.GetValueOrDefault(name) ?? Unit.None;
            return Tile(Labels.Humanize(name), name, At(row, value), At(row, previous), At(row, change), unit, format);
        }).ToList();
        return new KpiTilesBlock(tiles);
    }

    public static KpiTile Tile(string label, string metric, double? value, double? previous, double? change, Unit unit, ValueFormatter format)
    {
        var decimals = ValueFormatter.Decimals(unit, ColumnType.Number, new[] { value, previous }.Where(v => v.HasValue).Select(v => v!.Value));
        if (value is not { } current)
        {
            var before = previous is { } p ? $"{format.Text.Previous}: {format.Number(p, unit, decimals)}" : null;
            return new KpiTile(label, format.Text.NoData, false, null, Theme.Neutral, before);
        }
        change ??= previous is { } b ? current - b : null;
        string? changeText = null;
        var color = Theme.Neutral;
        if (change is { } delta)
        {
            var rounded = Math.Round(delta, decimals);
            var arrow = rounded > 0 ? "▲ " : rounded < 0 ? "▼ " : "";
            changeText = arrow + format.Change(delta, unit, decimals);
            if (unit is Unit.None or Unit.Count or Unit.Currency or Unit.Hours or Unit.Days && previous is { } basis && format.Relative(delta, basis) is { } relative)
                changeText += $" ({relative})";
            color = rounded == 0 ? Theme.Neutral : (rounded > 0) == MetricDirection.HigherIsBetter(metric) ? Theme.Good : Theme.Bad;
        }
        var comparison = previous is { } prior ? $"{format.Text.Previous}: {format.Number(prior, unit, decimals)}" : null;
        return new KpiTile(label, format.Number(current, unit, decimals), true, changeText, color, comparison);
    }

    private static double? At(object?[] row, int index) => index < 0 ? null : row[index] switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        int i => i,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>The colour a change is drawn in, exposed for tests.</summary>
    public static SKColor ColorFor(double change, string metric) =>
        change == 0 ? Theme.Neutral : (change > 0) == MetricDirection.HigherIsBetter(metric) ? Theme.Good : Theme.Bad;
}
