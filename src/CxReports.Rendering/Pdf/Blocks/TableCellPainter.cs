using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>Paints one table cell by its column's kind: text, number, 0-100 bar with its number, or badge.</summary>
public static class TableCellPainter
{
    public static void Paint(SKCanvas canvas, TableLayout layout, TableColumn column, TableCell cell, float x, float y, float width)
    {
        var style = cell.Color is { } color && column.Kind != CellKind.Badge ? layout.Text.With(color) : layout.Text;
        var top = y + TableLayout.PadY;
        switch (column.Kind)
        {
            case CellKind.Bar when cell.Value is { } value && double.IsFinite(value):
                var textWidth = width - TableLayout.BarWidth - 6f;
                TableBlock.DrawAligned(canvas, style, cell.Text, x, top, textWidth, right: true);
                var barX = x + textWidth;
                var barY = y + layout.RowHeight / 2 - 3f;
                canvas.DrawRect(barX, barY, TableLayout.BarWidth, 6f, TextStyle.PaintFor(Theme.Rule));
                var share = (float)Math.Clamp(value / 100, 0, 1);
                canvas.DrawRect(barX, barY, TableLayout.BarWidth * share, 6f, TextStyle.PaintFor(cell.Color ?? Theme.Accent));
                break;
            case CellKind.Badge when cell.Color is { } badge:
                var label = layout.Text.Fit(cell.Text, width - 2 * TableLayout.PadX - 8f);
                var w = layout.Text.Measure(label) + 8f;
                var rect = SKRect.Create(x + TableLayout.PadX, y + 2f, w, layout.RowHeight - 4f);
                canvas.DrawRoundRect(rect, 3f, 3f, TextStyle.PaintFor(badge));
                layout.Text.With(SKColors.White).Draw(canvas, label, rect.Left + 4f, top);
                break;
            default:
                TableBlock.DrawAligned(canvas, style, cell.Text, x, top, width, column.RightAligned);
                break;
        }
    }
}
