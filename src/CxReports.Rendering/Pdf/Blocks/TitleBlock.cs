using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>The head of the first page: report title, description, and a line with the period and parameters.</summary>
public sealed class TitleBlock(string title, string? description, string meta) : IBlock
{
    private static readonly TextStyle TitleStyle = TextStyle.Strong(Theme.ReportTitle, Theme.Accent);
    private static readonly TextStyle DescriptionStyle = TextStyle.Regular(Theme.Body + 1f, Theme.Ink);
    private static readonly TextStyle MetaStyle = TextStyle.Regular(Theme.Body - 0.5f, Theme.Muted);
    private const float Gap = 6f;
    private const float BandHeight = 3f;

    public float SpaceBefore => 0;

    public float Measure(float width) => BandHeight + Gap + 4f
        + TextWrap.Lines(title, TitleStyle, width).Count * TitleStyle.LineHeight
        + (description is null ? 0 : Gap + TextWrap.Lines(description, DescriptionStyle, width).Count * DescriptionStyle.LineHeight)
        + Gap + TextWrap.Lines(meta, MetaStyle, width).Count * MetaStyle.LineHeight;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        canvas.DrawRect(x, y, width, BandHeight, TextStyle.PaintFor(Theme.Accent));
        y += BandHeight + Gap + 4f;
        y = Lines(canvas, title, TitleStyle, x, y, width);
        if (description is not null) y = Lines(canvas, description, DescriptionStyle, x, y + Gap, width);
        Lines(canvas, meta, MetaStyle, x, y + Gap, width);
    }

    private static float Lines(SKCanvas canvas, string text, TextStyle style, float x, float y, float width)
    {
        foreach (var line in TextWrap.Lines(text, style, width))
        {
            style.Draw(canvas, line, x, y);
            y += style.LineHeight;
        }
        return y;
    }
}
