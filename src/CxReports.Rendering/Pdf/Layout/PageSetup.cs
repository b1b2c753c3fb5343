using SkiaSharp;

namespace CxReports.Rendering.Pdf.Layout;

/// <summary>Page size and the content rectangle that margins leave, in points.</summary>
public sealed record PageSetup(float Width, float Height, float MarginX, float MarginTop, float MarginBottom)
{
    public SKRect Content => new(MarginX, MarginTop, Width - MarginX, Height - MarginBottom);
}
