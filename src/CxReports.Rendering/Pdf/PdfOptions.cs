using CxReports.Rendering.Pdf.Layout;

namespace CxReports.Rendering.Pdf;

/// <summary>Paper sizes the renderer knows.</summary>
public enum PaperSize { A4, Letter }

/// <summary>How a report is laid out on paper. Defaults: A4 portrait, 40 pt side margins, author "CxReports".</summary>
public sealed record PdfOptions
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    public bool Landscape { get; init; }

    /// <summary>Left and right margin in points (1/72 inch).</summary>
    public float MarginX { get; init; } = 40f;

    /// <summary>Space above the content, holding the running header, in points.</summary>
    public float MarginTop { get; init; } = 54f;

    /// <summary>Space below the content, holding the footer, in points.</summary>
    public float MarginBottom { get; init; } = 50f;

    /// <summary>PDF metadata author.</summary>
    public string Author { get; init; } = "CxReports";

    public static PdfOptions Default { get; } = new();

    /// <summary>The page these options describe: its size in points (turned for landscape) and its margins.</summary>
    public PageSetup Page
    {
        get
        {
            var (w, h) = Paper switch
            {
                PaperSize.Letter => (612f, 792f),
                _ => (595.28f, 841.89f),
            };
            if (Landscape) (w, h) = (h, w);
            return new PageSetup(w, h, MarginX, MarginTop, MarginBottom);
        }
    }
}
