using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>A heatmap row: its label, a second column (the cohort's size) and one share per column, null where not observable.</summary>
public sealed record HeatmapRow(string Label, string Size, double?[] Values);

/// <summary>The words around a heatmap: column headers, the caption over the value columns, and the colour scale note.</summary>
public sealed record HeatmapText(string LabelHeader, string SizeHeader, string ColumnsCaption, string BlankNote);

/// <summary>
/// Cohort retention as a heatmap: one row per cohort, one column per month since start, each cell shaded by its share
/// (light to dark over the observed range) with the percentage printed in it; a colour scale underneath.
/// </summary>
public sealed class HeatmapBlock(IReadOnlyList<HeatmapRow> rows, IReadOnlyList<string> columns, HeatmapText text, Func<double, int, string> percent) : IBlock
{
    private static readonly SKColor Low = new(0xF4, 0xF8, 0xFC);
    private static readonly SKColor High = Theme.Accent;
    private static readonly TextStyle Header = TextStyle.Strong(Theme.Small, Theme.Muted);
    private static readonly TextStyle Label = TextStyle.Regular(Theme.Small + 0.5f);
    private static readonly TextStyle Note = TextStyle.Regular(Theme.Small, Theme.Muted);
    private const float RowHeight = 15f;
    private const float ScaleHeight = 26f;

    public IReadOnlyList<HeatmapRow> Rows => rows;

    /// <summary>The value columns' headers: months since the cohort started.</summary>
    public IReadOnlyList<string> Columns => columns;

    public HeatmapText Text => text;

    /// <summary>A share as the cells print it.</summary>
    public string Percent(double value, int decimals) => percent(value, decimals);

    /// <summary>Where a value sits on the colour scale, 0 (lightest) to 1 (darkest): the scale spans the observed range.</summary>
    public double ShadeOf(double value)
    {
        var (min, max) = Range();
        return Share(value, min, max);
    }

    public float Measure(float width) => Header.LineHeight * 2 + 4f + rows.Count * RowHeight + ScaleHeight;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var labelWidth = Math.Max(Header.Measure(text.LabelHeader), rows.Select(r => Label.Measure(r.Label)).DefaultIfEmpty(0).Max()) + 10f;
        var sizeWidth = Math.Max(Header.Measure(text.SizeHeader), rows.Select(r => Label.Measure(r.Size)).DefaultIfEmpty(0).Max()) + 12f;
        var cellWidth = (width - labelWidth - sizeWidth) / Math.Max(1, columns.Count);
        var cellsLeft = x + labelWidth + sizeWidth;
        var (min, max) = Range();

        Header.Draw(canvas, Header.Fit(text.ColumnsCaption, cellWidth * columns.Count), cellsLeft + cellWidth * columns.Count / 2, y, SKTextAlign.Center);
        var headerTop = y + Header.LineHeight;
        Header.Draw(canvas, text.LabelHeader, x, headerTop);
        Header.Draw(canvas, text.SizeHeader, x + labelWidth + sizeWidth - 8f, headerTop, SKTextAlign.Right);
        for (var c = 0; c < columns.Count; c++)
            Header.Draw(canvas, columns[c], cellsLeft + cellWidth * (c + 0.5f), headerTop, SKTextAlign.Center);

        var top = headerTop + Header.LineHeight + 4f;
        var decimals = Label.Measure(percent(99.9, 1)) <= cellWidth - 4f ? 1 : 0;
        foreach (var row in rows)
        {
            var textTop = top + (RowHeight - Label.LineHeight) / 2;
            Label.Draw(canvas, Label.Fit(row.Label, labelWidth - 6f), x, textTop);
            Label.With(Theme.Muted).Draw(canvas, row.Size, x + labelWidth + sizeWidth - 8f, textTop, SKTextAlign.Right);
            for (var c = 0; c < columns.Count && c < row.Values.Length; c++)
            {
                if (row.Values[c] is not { } value) continue;
                var share = Share(value, min, max);
                var cell = SKRect.Create(cellsLeft + c * cellWidth + 0.5f, top + 0.5f, cellWidth - 1f, RowHeight - 1f);
                canvas.DrawRect(cell, TextStyle.PaintFor(Blend(share)));
                var ink = share > 0.55 ? SKColors.White : Theme.Ink;
                Label.With(ink).Draw(canvas, Label.Fit(percent(value, decimals), cellWidth - 2f), cell.MidX, textTop, SKTextAlign.Center);
            }
            top += RowHeight;
        }
        DrawScale(canvas, cellsLeft, top + 8f, Math.Min(160f, cellWidth * columns.Count / 2), min, max);
    }

    private void DrawScale(SKCanvas canvas, float x, float y, float width, double min, double max)
    {
        const int steps = 24;
        for (var i = 0; i < steps; i++)
            canvas.DrawRect(x + width * i / steps, y, width / steps + 0.3f, 7f, TextStyle.PaintFor(Blend(i / (steps - 1.0))));
        Note.Draw(canvas, percent(min, 0), x, y + 8f);
        Note.Draw(canvas, percent(max, 0), x + width, y + 8f, SKTextAlign.Right);
        Note.Draw(canvas, text.BlankNote, x + width + 12f, y - 1f);
    }

    private (double Min, double Max) Range()
    {
        var values = rows.SelectMany(r => r.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (values.Count == 0) return (0, 100);
        var min = Math.Floor(values.Min() / 10) * 10;
        var max = Math.Ceiling(values.Max() / 10) * 10;
        return max - min < 10 ? (max - 10, max) : (min, max);
    }

    private static double Share(double value, double min, double max) => Math.Clamp((value - min) / (max - min), 0, 1);

    private static SKColor Blend(double t) => new(
        (byte)(Low.Red + (High.Red - Low.Red) * t),
        (byte)(Low.Green + (High.Green - Low.Green) * t),
        (byte)(Low.Blue + (High.Blue - Low.Blue) * t));
}
