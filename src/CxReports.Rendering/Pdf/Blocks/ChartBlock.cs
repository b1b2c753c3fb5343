using CxReports.Rendering.Pdf.Charts;
using CxReports.Rendering.Pdf.Formatting;
using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using ScottPlot;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>A ScottPlot chart drawn as vectors straight onto the page canvas; a framed "no data" note when there is nothing to plot.</summary>
public sealed class ChartBlock(ChartData data, string kind, ValueFormatter format) : IBlock
{
    private static readonly TextStyle EmptyStyle = TextStyle.Regular(Theme.Body, Theme.Neutral);

    public float Measure(float width) => data.IsEmpty ? 40f : Math.Clamp(width * 0.4f, 150f, 235f) + (data.Series.Count > 1 ? 16f : 0f);

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var height = Measure(width);
        if (data.IsEmpty)
        {
            using var border = new SKPaint { Color = Theme.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
            canvas.DrawRoundRect(SKRect.Create(x, y, width, height), 4f, 4f, border);
            EmptyStyle.Draw(canvas, format.Text.NoData, x + width / 2, y + (height - EmptyStyle.LineHeight) / 2, SKTextAlign.Center);
            return;
        }
        var plot = ChartPlot.Build(data, kind, format, width);
        canvas.Save();
        canvas.ClipRect(SKRect.Create(x, y, width, height));
        plot.Render(canvas, new PixelRect(x, x + width, y + height, y));
        canvas.Restore();
    }
}
