using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// The series legend of a chart, drawn above the plot with the page's text style: a swatch (a line for line charts,
/// a square for bars) in the series' own colour and the name per series, flowing onto more rows when they do not fit one.
/// </summary>
public sealed class ChartLegend(IReadOnlyList<(string Name, SKColor Color)> items, bool lines)
{
    private static readonly TextStyle Style = TextStyle.Regular(Theme.ChartTick + 0.5f);
    private const float Swatch = 14f;
    private const float ItemGap = 14f;

    public float Measure(float width) => items.Count < 2 ? 0 : Rows(width).Count * Style.LineHeight + 4f;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        if (items.Count < 2) return;
        foreach (var row in Rows(width))
        {
            var ix = x;
            foreach (var (name, color) in row)
            {
                var mid = y + Style.LineHeight / 2 - 0.5f;
                if (lines) canvas.DrawRect(ix, mid - 1f, Swatch, 2.2f, TextStyle.PaintFor(color));
                else canvas.DrawRect(ix + 3f, mid - 4f, 8f, 8f, TextStyle.PaintFor(color));
                Style.Draw(canvas, name, ix + Swatch + 4f, y);
                ix += ItemWidth(name);
            }
            y += Style.LineHeight;
        }
    }

    private static float ItemWidth(string name) => Swatch + 4f + Style.Measure(name) + ItemGap;

    private List<List<(string Name, SKColor Color)>> Rows(float width)
    {
        var rows = new List<List<(string Name, SKColor Color)>> { new() };
        var used = 0f;
        foreach (var item in items)
        {
            var w = ItemWidth(item.Name);
            if (used + w > width && rows[^1].Count > 0) { rows.Add([]); used = 0; }
            rows[^1].Add(item);
            used += w;
        }
        return rows;
    }
}
