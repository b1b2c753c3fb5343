using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class LongTableTests
{
    [Fact]
    public void A_400_row_table_spans_several_pages_with_its_header_on_each()
    {
        var pages = Pdfs.PageTexts(PdfRenderer.Render(Report("Cities", [Section("Segments", Table("By city", 400))])));

        Assert.InRange(pages.Count, 5, 15);
        Assert.All(pages, page =>
        {
            Assert.Contains("New customers", page);
            Assert.Contains("Churn", page);
        });
        // Parts after the first repeat the title, marked as continued.
        Assert.All(pages.Skip(1), page => Assert.Contains("By city (continued)", page));
    }

    [Fact]
    public void Every_row_of_a_split_table_is_printed_exactly_once_in_order()
    {
        var pages = Pdfs.PageTexts(PdfRenderer.Render(Report("Cities", [Section("Segments", Table("By city", 400))])));
        var words = string.Join(" ", pages).Split(' ');

        var cities = words.Select((w, i) => (w, i)).Where(p => p.w == "City" && p.i + 1 < words.Length && int.TryParse(words[p.i + 1], out _))
            .Select(p => int.Parse(words[p.i + 1])).ToList();
        Assert.Equal(Enumerable.Range(1, 400), cities);
    }

    [Fact]
    public void No_page_ends_with_a_lone_row_of_a_table()
    {
        var pages = Pdfs.PageTexts(PdfRenderer.Render(Report("Cities", [Section("Segments", Table("By city", 400))])));

        Assert.All(pages, page => Assert.True(page.Split("City ").Length - 1 >= 3, page));
    }
}
