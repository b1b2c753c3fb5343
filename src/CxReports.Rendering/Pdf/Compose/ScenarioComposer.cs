using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// The retain-N scenario (retain, horizon_months, extra_revenue, gain, cost, net, roi_pct, customers_kept) as a matrix:
/// one row per "retain N more a month", one column per horizon with its programme cost, net in green or red per cell
/// with gain, ROI and customers kept under it.
/// </summary>
public static class ScenarioComposer
{
    /// <summary>The grid; with <paramref name="measuredPerMonth"/> (customers the programme kept a month) the row nearest to it is marked.</summary>
    public static MatrixBlock? Compose(ResultTable table, ValueFormatter format, double? measuredPerMonth = null)
    {
        int retain = table.IndexOf("retain"), horizon = table.IndexOf("horizon_months"), gain = table.IndexOf("gain"),
            cost = table.IndexOf("cost"), net = table.IndexOf("net"), roi = table.IndexOf("roi_pct"), kept = table.IndexOf("customers_kept");
        if (retain < 0 || horizon < 0 || net < 0) return null;
        var retains = table.Rows.Select(r => Number(r[retain])).Where(v => v.HasValue).Select(v => v!.Value).Distinct().Order().ToList();
        var horizons = table.Rows.Select(r => Number(r[horizon])).Where(v => v.HasValue).Select(v => v!.Value).Distinct().Order().ToList();
        var cells = new MatrixCell?[retains.Count, horizons.Count];
        var costs = new double?[horizons.Count];
        Meaning MeaningOf(int column) => column >= 0 ? table.Columns[column].Meaning : Meaning.Of(Unit.Currency);
        Meaning gainMeaning = MeaningOf(gain), costMeaning = MeaningOf(cost), netMeaning = MeaningOf(net);
        foreach (var row in table.Rows)
        {
            if (Number(row[retain]) is not { } n || Number(row[horizon]) is not { } h) continue;
            int r = retains.IndexOf(n), c = horizons.IndexOf(h);
            costs[c] ??= cost >= 0 ? Number(row[cost]) : null;
            if (Number(row[net]) is not { } value) { cells[r, c] = new MatrixCell(format.Text.NoData, Theme.Neutral, []); continue; }
            var details = new List<string>();
            if (gain >= 0 && Number(row[gain]) is { } g) details.Add($"+{format.Compact(g, gainMeaning)}");
            if (roi >= 0 && Number(row[roi]) is { } rate) details.Add($"{format.Text.Roi} {format.Number(rate, Unit.Percent, 1)}");
            if (kept >= 0 && Number(row[kept]) is { } k) details.Add($"{format.Number(k, Unit.None, 1)} {format.Text.CustomersKept}");
            var color = Math.Round(value) > 0 ? Theme.Good : Math.Round(value) < 0 ? Theme.Bad : Theme.Neutral;
            cells[r, c] = new MatrixCell(format.Compact(value, netMeaning), color, details);
        }
        var columns = horizons.Select((h, i) => new MatrixHeading(
            string.Format(format.Culture, format.Text.HorizonMonths, h.ToString("0", CultureInfo.InvariantCulture)),
            costs[i] is { } c ? $"{format.Text.Cost} {format.Compact(c, costMeaning)}" : null)).ToList();
        double? nearest = measuredPerMonth is { } perMonth && perMonth > 0 && retains.Count > 0 ? retains.MinBy(n => Math.Abs(n - perMonth)) : null;
        var measured = string.Format(format.Culture, format.Text.Effect.MeasuredRow,
            format.Number(measuredPerMonth ?? 0, Unit.Count, 0));
        var rows = retains.Select(n => new MatrixHeading(
            string.Format(format.Culture, format.Text.RetainPerMonth, n.ToString("0", CultureInfo.InvariantCulture)),
            n == nearest ? measured : null)).ToList();
        return new MatrixBlock(columns, rows, cells);
    }

    private static double? Number(object? value) => value switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        int i => i,
        _ => null,
    };
}
