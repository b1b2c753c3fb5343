using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf.Fonts;
using CxReports.Rendering.Pdf.Style;
using ScottPlot;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// Builds a ScottPlot plot for a chart block (line, area, bar, stacked), styled for print: the shared font, 8 pt ticks,
/// light grid, no top or right frame, month names along time axes, the legend under the plot when there are series to tell apart.
/// </summary>
public static class ChartPlot
{
    public static Plot Build(ChartData data, ChartKind kind, ValueFormatter format, float width)
    {
        FontSet.EnsureRegistered();
        var plot = new Plot();
        // The page canvas is shared: ScottPlot must not clear it before drawing.
        plot.RenderManager.RenderActions.RemoveAll(a => a is ScottPlot.Rendering.RenderActions.ClearCanvas);
        Style(plot);
        switch (kind)
        {
            case ChartKind.Bar: ChartSeriesPainter.Bars(plot, data, stacked: false); break;
            case ChartKind.Stacked: ChartSeriesPainter.Bars(plot, data, stacked: true); break;
            case ChartKind.Area: ChartSeriesPainter.Lines(plot, data, fill: true); break;
            default: ChartSeriesPainter.Lines(plot, data, fill: false); break;
        }
        XTicks(plot, data, format, width, bars: kind is ChartKind.Bar or ChartKind.Stacked);
        var unit = data.Series.Select(s => s.Unit).Distinct().Count() == 1 ? data.Series[0].Unit : Unit.None;
        plot.Axes.Left.TickGenerator = new AxisTicks(format, unit);
        plot.Axes.Bottom.Label.Text = data.X is { } x ? Headings.Of(x, format) : "";
        plot.Axes.Left.Label.Text = YLabel(data, unit, format);
        if (kind is ChartKind.Bar or ChartKind.Stacked or ChartKind.Area) plot.Axes.Rules.Add(new ScottPlot.AxisRules.LockedBottom(plot.Axes.Left, ZeroFloor(data)));
        plot.HideLegend();
        return plot;
    }

    private static void Style(Plot plot)
    {
        plot.Font.Set(FontSet.Family);
        plot.Legend.SetBestFontOnEachRender = false;
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.White;
        var ink = Color.FromSKColor(Theme.Ink);
        var muted = Color.FromSKColor(Theme.Muted);
        var rule = Color.FromSKColor(Theme.Rule);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = Theme.ChartTick;
            axis.TickLabelStyle.ForeColor = ink;
            axis.Label.FontSize = Theme.ChartLabel;
            axis.Label.ForeColor = muted;
            axis.Label.Bold = false;
            axis.FrameLineStyle.Color = muted;
            axis.FrameLineStyle.Width = 0.8f;
            axis.MajorTickStyle.Color = muted;
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = rule;
        plot.Grid.MajorLineWidth = 0.5f;
        plot.Grid.XAxisStyle.IsVisible = false;
        // No title and nothing on the top or right axes: keep their empty bands thin.
        if (plot.Axes.Top is ScottPlot.AxisPanels.AxisBase top) top.SizeWhenNoData = 6;
        if (plot.Axes.Right is ScottPlot.AxisPanels.AxisBase right) right.SizeWhenNoData = 12;
    }

    private static void XTicks(Plot plot, ChartData data, ValueFormatter format, float width, bool bars)
    {
        var labels = CategoryLabels.For(data, format, width);
        if (labels.Tilted)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // Tilted labels reach below and left of the plot: the axes keep room for them, so none is cut at the edge.
            plot.Axes.Left.MinimumSize = CategoryLabels.TiltedWidth * 0.77f;
            plot.Axes.Bottom.MinimumSize = CategoryLabels.TiltedWidth * 0.64f + 2 * Theme.ChartLabel + 8f;
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Labels.Count; i++)
            if (i % labels.Step == 0) ticks.AddMajor(i, labels.Labels[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        var pad = bars ? 0.6 : 0.35;
        plot.Axes.SetLimitsX(-pad, Math.Max(0, labels.Labels.Count - 1) + pad);
    }

    private static double ZeroFloor(ChartData data) =>
        Math.Min(0, data.Series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Min());

    private static string YLabel(ChartData data, Unit unit, ValueFormatter format)
    {
        var text = format.Text;
        var metrics = data.Series.Select(s => s.Metric).Distinct().ToList();
        var labelled = metrics.Count == 1 && metrics[0].Length > 0;
        var name = labelled ? metrics[0] : unit switch
        {
            Unit.Count => text.Words["count"],
            Unit.Score => text.Words["score"],
            Unit.Currency => text.Words["amount"],
            Unit.Ratio => text.Words["ratio"],
            Unit.Hours => text.Words["hours"],
            Unit.Days => text.Words["days"],
            _ => "",
        };
        // The ticks are bare numbers but for %, so the title names the unit the tiles and cells print ("Wait (h)",
        // "MRR (₺/ay)").
        var money = data.Series.Select(s => format.MoneyUnit(s.Meaning)).Distinct().ToList();
        var symbol = unit switch
        {
            Unit.Percent => "%",
            Unit.Currency when money is [{ } moneyUnit] => moneyUnit,
            Unit.Hours when labelled => text.HoursSuffix.Trim(),
            Unit.Days when labelled => text.DaysSuffix.Trim(),
            _ => null,
        };
        if (symbol is null || name.EndsWith(symbol, StringComparison.Ordinal) || name.EndsWith($"({symbol})", StringComparison.Ordinal)) return name;
        return name.Length == 0 ? symbol : $"{name} ({symbol})";
    }
}
