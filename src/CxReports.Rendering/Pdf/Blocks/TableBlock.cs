using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>
/// Rows <c>[start, start + count)</c> of a table: header row, zebra rows, numbers right-aligned. Splits between rows;
/// every part repeats the header, and parts after the first repeat the title marked "continued".
/// </summary>
public sealed class TableBlock : ISplittableBlock
{
    private const int MinRowsPerPart = 3;
    private static readonly TextStyle ContinuedStyle = TextStyle.Strong(Theme.BlockTitle - 1f, Theme.Muted);
    private readonly TableData _data;
    private readonly int _start;
    private readonly int _count;
    private readonly bool _continuation;
    private readonly Dictionary<float, TableLayout> _layouts;

    public TableBlock(TableData data) : this(data, 0, data.Rows.Count, false, []) { }

    private TableBlock(TableData data, int start, int count, bool continuation, Dictionary<float, TableLayout> layouts)
    {
        _data = data;
        _start = start;
        _count = count;
        _continuation = continuation;
        _layouts = layouts;
    }

    public float Measure(float width)
    {
        var layout = Layout(width);
        return CaptionHeight + layout.HeaderHeight + _count * layout.RowHeight + 1f;
    }

    public (IBlock Head, IBlock Tail)? Split(float width, float height)
    {
        var layout = Layout(width);
        var fit = (int)Math.Floor((height - CaptionHeight - layout.HeaderHeight - 1f) / layout.RowHeight);
        fit = Math.Min(fit, _count - Math.Min(2, _count - 1)); // no single orphan row on the next page
        if (fit < Math.Min(MinRowsPerPart, _count) || fit <= 0 || fit >= _count) return null;
        return (new TableBlock(_data, _start, fit, _continuation, _layouts),
                new TableBlock(_data, _start + fit, _count - fit, true, _layouts));
    }

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var layout = Layout(width);
        if (CaptionHeight > 0)
        {
            ContinuedStyle.Draw(canvas, ContinuedStyle.Fit($"{_data.Title} ({_data.Continued})", width), x, y);
            y += CaptionHeight;
        }
        var tableWidth = layout.TotalWidth;
        canvas.DrawRect(x, y, tableWidth, layout.HeaderHeight, TextStyle.PaintFor(Theme.AccentLight));
        var cx = x;
        for (var c = 0; c < _data.Columns.Count; c++)
        {
            var ly = y + TableLayout.PadY;
            foreach (var line in layout.HeaderLines[c])
            {
                DrawAligned(canvas, layout.Header, line, cx, ly, layout.Widths[c], _data.Columns[c].RightAligned);
                ly += layout.Header.LineHeight;
            }
            cx += layout.Widths[c];
        }
        y += layout.HeaderHeight;
        canvas.DrawRect(x, y - 0.8f, tableWidth, 0.8f, TextStyle.PaintFor(Theme.Accent));
        for (var r = _start; r < _start + _count; r++)
        {
            if ((r - _start) % 2 == 1) canvas.DrawRect(x, y, tableWidth, layout.RowHeight, TextStyle.PaintFor(Theme.Zebra));
            cx = x;
            var row = _data.Rows[r];
            for (var c = 0; c < _data.Columns.Count; c++)
            {
                if (c < row.Length) TableCellPainter.Paint(canvas, layout, _data.Columns[c], row[c], cx, y, layout.Widths[c]);
                cx += layout.Widths[c];
            }
            y += layout.RowHeight;
        }
        canvas.DrawRect(x, y, tableWidth, 0.6f, TextStyle.PaintFor(Theme.Rule));
    }

    private float CaptionHeight => _continuation && _data.Title is not null ? ContinuedStyle.LineHeight + 3f : 0;

    private TableLayout Layout(float width)
    {
        if (!_layouts.TryGetValue(width, out var layout)) _layouts[width] = layout = TableLayout.For(_data, width);
        return layout;
    }

    internal static void DrawAligned(SKCanvas canvas, TextStyle style, string text, float x, float y, float width, bool right)
    {
        var fitted = style.Fit(text, width - 2 * TableLayout.PadX);
        if (right) style.Draw(canvas, fitted, x + width - TableLayout.PadX, y, SKTextAlign.Right);
        else style.Draw(canvas, fitted, x + TableLayout.PadX, y);
    }
}
