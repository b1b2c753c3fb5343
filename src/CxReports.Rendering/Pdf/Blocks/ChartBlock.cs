using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf.Charts;
using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using ScottPlot;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>
/// A chart: its legend, then the ScottPlot plot drawn as vectors straight onto the page canvas, then its notes
/// (series grouped or left out, labels in full); a framed "no data" note when there is nothing to plot.
/// </summary>
public sealed class ChartBlock(ChartData data, ChartKind kind, ValueFormatter format, float maxHeight = ChartBlock.MaxHeight) : IBlock
{
    private static readonly TextStyle EmptyStyle = TextStyle.Regular(Theme.Body, Theme.Neutral);
    private static readonly TextStyle NoteStyle = TextStyle.Regular(Theme.Small, Theme.Muted);
    private readonly ChartLegend _legend = new(data.Series.Select(s => (s.Name, s.Color)).ToList(), lines: kind is ChartKind.Line or ChartKind.Area);

    public float Measure(float width) => data.IsEmpty ? 40f
        : _legend.Measure(width) + PlotHeight(width) + NoteLines(width).Count * NoteStyle.LineHeight;

    /// <summary>The notes under the plot: series left out, grouped or blank, and shortened labels in full.</summary>
    private IReadOnlyList<string> NoteLines(float width) =>
        data.Notes.Append(CategoryLabels.For(data, format, width).Note(format)).OfType<string>()
            .SelectMany(note => TextWrap.Lines(note, NoteStyle, width)).ToList();

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        if (data.IsEmpty)
        {
            using var border = new SKPaint { Color = Theme.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
            canvas.DrawRoundRect(SKRect.Create(x, y, width, 40f), 4f, 4f, border);
            EmptyStyle.Draw(canvas, format.Text.NoData, x + width / 2, y + (40f - EmptyStyle.LineHeight) / 2, SKTextAlign.Center);
            return;
        }
        _legend.Draw(canvas, x, y, width);
        y += _legend.Measure(width);
        var height = PlotHeight(width);
        var plot = ChartPlot.Build(data, kind, format, width);
        var rect = new PixelRect(x, x + width, y + height, y);
        // ScottPlot renders a fresh plot twice (the second pass with the settled layout). Without its ClearCanvas step
        // both passes would land on the page, so the settling pass goes to a canvas that draws nothing.
        using (var settle = new SKNoDrawCanvas((int)Math.Ceiling(x + width), (int)Math.Ceiling(y + height)))
            plot.Render(settle, rect);
        canvas.Save();
        canvas.ClipRect(SKRect.Create(x, y, width, height));
        plot.Render(canvas, rect);
        canvas.Restore();
        y += height;
        foreach (var line in NoteLines(width))
        {
            NoteStyle.Draw(canvas, line, x, y);
            y += NoteStyle.LineHeight;
        }
    }

    public const float MaxHeight = 220f;

    /// <summary>About a third of the width, no taller than <c>maxHeight</c> (less on landscape pages, so two charts share a page).</summary>
    private float PlotHeight(float width) => Math.Clamp(width * 0.36f, 120f, Math.Max(120f, maxHeight));
}
