using CxReports.Engine.Reports;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Compose;
using CxReports.Rendering.Pdf.Fonts;
using CxReports.Rendering.Pdf.Layout;
using SkiaSharp;

namespace CxReports.Rendering.Pdf;

/// <summary>
/// Renders an evaluated report as a PDF on SkiaSharp's PDF backend: compose blocks, paginate (measure), then draw
/// each page with its header and footer. Same report and options give the same bytes (the creation date is the run's).
/// </summary>
public static class PdfRenderer
{
    public static byte[] Render(EvaluatedReport report, PdfOptions? options = null)
    {
        options ??= PdfOptions.Default;
        FontSet.EnsureRegistered();
        var format = new ValueFormatter(report.Locale);
        var setup = options.Page;
        var content = setup.Content;
        // Charts take at most about a third of the page height, so a landscape page holds two of them.
        var chartHeight = Math.Min(ChartBlock.MaxHeight, content.Height * 0.36f);
        var pages = Paginator.Paginate(ReportComposer.Compose(report, format, chartHeight), content.Width, content.Height);
        var frame = new PageFrame(
            report.Title,
            ReportComposer.Meta(report, format),
            $"{format.Text.Generated} {format.Moment(report.GeneratedAt, report.TimeZone)}  ·  {format.Text.DataVersion} {report.DataVersion}" +
            (DataFreshness.Through(report.Freshness, format) is { } through ? $"  ·  {through}" : ""),
            format.Text.PageOf);

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, Metadata(report, options)))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(setup.Width, setup.Height);
                foreach (var placed in pages[i])
                    placed.Block.Draw(canvas, content.Left, content.Top + placed.Y, content.Width);
                frame.Draw(canvas, setup, i + 1, pages.Count);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private static SKDocumentPdfMetadata Metadata(EvaluatedReport report, PdfOptions options)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        var at = report.GeneratedAt.UtcDateTime;
        metadata.Title = report.Title;
        metadata.Subject = report.Description ?? report.Title;
        metadata.Author = options.Author;
        metadata.Creator = "CxReports";
        metadata.Keywords = report.Report;
        metadata.Creation = at;
        metadata.Modified = at;
        // PDF/A adds a document ID and XMP metadata that differ between runs; off, the bytes are reproducible.
        metadata.PdfA = false;
        return metadata;
    }
}
