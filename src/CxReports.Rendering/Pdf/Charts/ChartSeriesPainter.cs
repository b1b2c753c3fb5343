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
            {
                var xs = segment.Select(p => (double)p.Index).ToArray();
                var ys = segment.Select(p => p.Value).ToArray();
                var line = plot.Add.Scatter(xs, ys, color);
                line.LineWidth = 1.8f;
                line.MarkerSize = data.Categories.Count > 24 ? 0 : 4f;
                line.MarkerShape = MarkerShape.FilledCircle;
                if (fill)
                {
                    line.FillY = true;
                    line.FillYValue = 0;
                    line.FillYColor = color.WithAlpha(0.22);
                }
            }
        }
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
                    bars.Add(new Bar { Position = i, ValueBase = start, Value = start + value, Size = 0.62, FillColor = color, LineWidth = 0 });
                    if (value >= 0) up[i] += value; else down[i] += value;
                }
                else
                {
                    var size = groupWidth / count;
                    var position = i - groupWidth / 2 + size * (s + 0.5);
                    bars.Add(new Bar { Position = position, Value = value, Size = size * 0.9, FillColor = color, LineWidth = 0 });
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
