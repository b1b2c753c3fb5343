using CxReports.Rendering.Pdf.Style;
using ScottPlot;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// Adds a chart's series to a plot as lines (optionally filled) or as grouped or stacked bars, each in its series'
/// colour; a margin of error as a light band around a line, a whisker on a grouped bar (none on stacked layers).
/// </summary>
public static class ChartSeriesPainter
{

    /// <summary>One line per series; gaps (null values) break the line rather than drop to zero.</summary>
    public static void Lines(Plot plot, ChartData data, bool fill)
    {
        for (var s = 0; s < data.Series.Count; s++)
        {
            var color = Color.FromSKColor(data.Series[s].Color);
            if (data.Series[s].Margin is { } margin) Band(plot, data.Series[s].Values, margin, color);
            foreach (var segment in Segments(data.Series[s].Values))
                foreach (var (run, partial) in Runs(segment, data))
                {
                    var xs = run.Select(p => (double)p.Index).ToArray();
                    var ys = run.Select(p => p.Value).ToArray();
                    var line = plot.Add.Scatter(xs, ys, color);
                    line.LineWidth = 1.8f;
                    line.MarkerSize = data.Categories.Count > 24 ? 0 : 4f;
                    line.MarkerShape = MarkerShape.FilledCircle;
                    if (partial) line.LinePattern = LinePattern.Dashed;
                    if (fill)
                    {
                        line.FillY = true;
                        line.FillYValue = 0;
                        line.FillYColor = color.WithAlpha(partial ? 0.1 : 0.22);
                    }
                }
            // A partial bucket's point is hollow, so it does not read as a whole bucket's value.
            for (var i = 0; i < data.Categories.Count; i++)
            {
                if (!data.IsPartial(i) || data.Series[s].Values[i] is not { } value) continue;
                plot.Add.Marker(i, value, MarkerShape.FilledCircle, 7f, Colors.White);
                plot.Add.Marker(i, value, MarkerShape.OpenCircle, 7f, color).MarkerLineWidth = 1.6f;
            }
        }
    }

    /// <summary>
    /// A gap-free segment cut where partial buckets begin and end: a run between whole buckets is drawn solid, a
    /// step into or out of a partial bucket dashed. Neighbouring runs share their end point, so the line stays unbroken.
    /// </summary>
    private static IEnumerable<(List<(int Index, double Value)> Run, bool Partial)> Runs(List<(int Index, double Value)> segment, ChartData data)
    {
        if (data.Partial is null || segment.Count < 2) { yield return (segment, segment.Count == 1 && data.IsPartial(segment[0].Index)); yield break; }
        var run = new List<(int, double)> { segment[0] };
        bool? dashed = null;
        for (var i = 1; i < segment.Count; i++)
        {
            var step = data.IsPartial(segment[i - 1].Index) || data.IsPartial(segment[i].Index);
            if (dashed is { } d && d != step)
            {
                yield return (run, d);
                run = [segment[i - 1]];
            }
            dashed = step;
            run.Add(segment[i]);
        }
        yield return (run, dashed ?? false);
    }

    /// <summary>Bars side by side per category, or stacked (positives up, negatives down from zero).</summary>
    public static void Bars(Plot plot, ChartData data, bool stacked)
    {
        var count = data.Series.Count;
        var bars = new List<Bar>();
        var up = new double[data.Categories.Count];
        var down = new double[data.Categories.Count];
        var groupWidth = 0.76;
        for (var s = 0; s < count; s++)
        {
            var color = Color.FromSKColor(data.Series[s].Color);
            for (var i = 0; i < data.Categories.Count; i++)
            {
                if (data.Series[s].Values[i] is not { } value) continue;
                if (stacked)
                {
                    var start = value >= 0 ? up[i] : down[i];
                    bars.Add(Paled(new Bar { Position = i, ValueBase = start, Value = start + value, Size = 0.62, FillColor = color, LineWidth = 0 }, data.IsPartial(i), color));
                    if (value >= 0) up[i] += value; else down[i] += value;
                }
                else
                {
                    var size = groupWidth / count;
                    var position = i - groupWidth / 2 + size * (s + 0.5);
                    bars.Add(Paled(new Bar { Position = position, Value = value, Size = size * 0.9, FillColor = color, LineWidth = 0 }, data.IsPartial(i), color));
                    if (data.Series[s].Margin?[i] is { } error)
                    {
                        var whisker = plot.Add.Line(position, value - error, position, value + error);
                        whisker.Color = Color.FromSKColor(Theme.Ink);
                        whisker.LineWidth = 1f;
                    }
                }
            }
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
    }


    /// <summary>The value ± its margin as a light band in the series' colour, broken where either is missing.</summary>
    private static void Band(Plot plot, double?[] values, double?[] margin, Color color)
    {
        var both = values.Select((v, i) => v is { } x && margin[i] is { } m ? x - m : (double?)null).ToArray();
        foreach (var segment in Segments(both))
        {
            var xs = segment.Select(p => (double)p.Index).ToArray();
            var low = segment.Select(p => p.Value).ToArray();
            var high = segment.Select(p => values[p.Index]!.Value + margin[p.Index]!.Value).ToArray();
            var band = plot.Add.FillY(xs, low, high);
            band.FillColor = color.WithAlpha(0.18);
            band.LineWidth = 0;
        }
    }

    /// <summary>A partial bucket's bar: pale, with a dashed outline in the series' colour.</summary>
    private static Bar Paled(Bar bar, bool partial, Color color)
    {
        if (!partial) return bar;
        bar.FillColor = color.WithAlpha(0.3);
        bar.LineColor = color;
        bar.LineWidth = 1f;
        bar.LineStyle.Pattern = LinePattern.Dashed;
        return bar;
    }

    private static IEnumerable<List<(int Index, double Value)>> Segments(double?[] values)
    {
        var current = new List<(int, double)>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v) { current.Add((i, v)); continue; }
            if (current.Count > 0) yield return current;
            current = [];
        }
        if (current.Count > 0) yield return current;
    }
}
