using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// The series legend of a chart, drawn above the plot with the page's text style: a swatch (a line for line charts,
/// a square for bars) and the name per series, flowing onto more rows when they do not fit one.
/// </summary>
public sealed class ChartLegend(IReadOnlyList<string> names, bool lines)
{
    private static readonly TextStyle Style = TextStyle.Regular(Theme.ChartTick + 0.5f);
    private const float Swatch = 14f;
    private const float ItemGap = 14f;

    public float Measure(float width) => names.Count < 2 ? 0 : Rows(width).Count * Style.LineHeight + 4f;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        if (names.Count < 2) return;
        var index = 0;
        foreach (var row in Rows(width))
        {
            var ix = x;
            foreach (var name in row)
            {
                var color = Theme.Series[index++ % Theme.Series.Length];
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

    private List<List<string>> Rows(float width)
    {
        var rows = new List<List<string>> { new() };
        var used = 0f;
        foreach (var name in names)
        {
            var w = ItemWidth(name);
            if (used + w > width && rows[^1].Count > 0) { rows.Add([]); used = 0; }
            rows[^1].Add(name);
            used += w;
        }
        return rows;
    }
}
