using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>A section heading: large accent-coloured title over a thin rule.</summary>
public sealed class HeadingBlock(string title) : IBlock
{
    private static readonly TextStyle Style = TextStyle.Strong(Theme.SectionTitle, Theme.Accent);
    private const float RuleGap = 4f;

    public float SpaceBefore => Theme.SectionGap;

    public float Measure(float width) => TextWrap.Lines(title, Style, width).Count * Style.LineHeight + RuleGap + 1f;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        foreach (var line in TextWrap.Lines(title, Style, width))
        {
            Style.Draw(canvas, line, x, y);
            y += Style.LineHeight;
        }
        y += RuleGap;
        canvas.DrawRect(x, y, width, 0.8f, TextStyle.PaintFor(Theme.Accent));
    }
}
