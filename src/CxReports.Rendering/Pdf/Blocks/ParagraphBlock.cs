using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>Wrapped text in one style (text blocks, descriptions, notes).</summary>
public sealed class ParagraphBlock(string text, TextStyle style, float spaceBefore = Theme.BlockGap) : IBlock
{
    public float SpaceBefore => spaceBefore;

    public float Measure(float width) => TextWrap.Lines(text, style, width).Count * style.LineHeight;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        foreach (var line in TextWrap.Lines(text, style, width))
        {
            style.Draw(canvas, line, x, y);
            y += style.LineHeight;
        }
    }
}
