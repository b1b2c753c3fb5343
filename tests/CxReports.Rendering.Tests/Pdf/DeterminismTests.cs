using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class DeterminismTests
{
    [Fact]
    public void The_same_report_gives_the_same_bytes()
    {
        var first = PdfRenderer.Render(Everything());
        var second = PdfRenderer.Render(Everything());

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_creation_date_comes_from_the_run()
    {
        var first = PdfRenderer.Render(Everything());
        var later = PdfRenderer.Render(Everything() with { GeneratedAt = GeneratedAt.AddDays(1) });

        Assert.NotEqual(first, later);
    }

    [Fact]
    public void Renders_on_several_threads_at_once_give_the_same_bytes()
    {
        var expected = PdfRenderer.Render(Everything("tr-TR"));
        var results = new byte[8][];

        Parallel.For(0, results.Length, i => results[i] = PdfRenderer.Render(Everything("tr-TR")));

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }
}
