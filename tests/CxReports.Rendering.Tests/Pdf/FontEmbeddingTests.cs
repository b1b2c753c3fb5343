using System.Text;
using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class FontEmbeddingTests
{
    [Fact]
    public void Text_and_charts_share_two_embedded_subset_faces()
    {
        var pdf = PdfRenderer.Render(Everything());

        // Skia writes font files as FontFile2 streams; one per face means charts and page text share the typefaces.
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Equal(2, raw.Split("/FontFile2").Length - 1);

        if (Pdfs.Fonts(pdf) is not { } fonts) return; // poppler-utils not installed: the stream count above still holds
        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, line =>
        {
            Assert.Contains("DejaVuSans", line);
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["yes", "yes", "yes"], columns[^5..^2]); // emb, sub, uni
        });
    }

    [Fact]
    public void A_full_report_stays_small_because_the_fonts_are_subset()
    {
        var pdf = PdfRenderer.Render(Everything());

        // The whole DejaVu Sans is 760 KB; the shipped subsets are about 44 and 39 KB.
        Assert.InRange(pdf.Length, 10_000, 250_000);
    }
}
