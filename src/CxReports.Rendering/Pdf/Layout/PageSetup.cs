using SkiaSharp;

namespace CxReports.Rendering.Pdf.Layout;

/// <summary>Page size and the content rectangle that margins leave, in points.</summary>
public sealed record PageSetup(float Width, float Height, float MarginX, float MarginTop, float MarginBottom)
{
    public static PageSetup From(PdfOptions options)
    {
        var (w, h) = options.Paper switch
        {
            PaperSize.Letter => (612f, 792f),
            _ => (595.28f, 841.89f),
        };
        if (options.Landscape) (w, h) = (h, w);
        return new PageSetup(w, h, options.MarginX, options.MarginTop, options.MarginBottom);
    }

    public SKRect Content => new(MarginX, MarginTop, Width - MarginX, Height - MarginBottom);
}
