using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// Keeps a chart to as many series as there are colours, so none repeats: the largest ones (by the sum of their
/// values) in their order, and the rest summed into one "Other" series when the series are counts of one metric
/// split by a dimension (counts of disjoint groups add up); otherwise the rest are left out and a note says so.
/// </summary>
public static class SeriesCap
{
    public static int Limit => Theme.Series.Length;

    public static IReadOnlyList<ChartSeries> Apply(IReadOnlyList<ChartSeries> series, bool split, ValueFormatter format, ICollection<string> notes)
    {
        if (series.Count <= Limit) return series;
        var summable = split && series.All(s => s.Unit == Unit.Count);
        var keep = summable ? Limit - 1 : Limit;
        var largest = series.OrderByDescending(Size).Take(keep).ToHashSet();
        var kept = series.Where(largest.Contains).ToList();
        var rest = series.Where(s => !largest.Contains(s)).ToList();
        if (!summable)
        {
            notes.Add(string.Format(format.Culture, format.Text.TopSeriesNote, keep, series.Count));
            return kept;
        }
        var sums = Enumerable.Range(0, series[0].Values.Length)
            .Select(i => rest.Any(s => s.Values[i].HasValue) ? rest.Sum(s => s.Values[i] ?? 0) : (double?)null)
            .ToArray();
        notes.Add(string.Format(format.Culture, format.Text.OtherNote, rest.Count));
        kept.Add(new ChartSeries(format.Text.Other, series[0].Metric, sums, series[0].Meaning) { IsOther = true });
        return kept;
    }

    private static double Size(ChartSeries series) => series.Values.Sum(v => v is { } x ? Math.Abs(x) : 0);
}
