using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class ChartTests
{
    [Theory]
    [InlineData(ChartKind.Line)]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.Area)]
    [InlineData(ChartKind.Stacked)]
    public void Charts_are_drawn_once_with_month_names_an_axis_label_and_a_legend(ChartKind kind)
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Charts", [Section("Trends", MonthlyChart(kind, "promoters", "detractors"))])));

        // ScottPlot lays a fresh plot out twice; only one pass may reach the page (doubled text reads "JJaann").
        Assert.DoesNotContain("JJaann", text);
        Assert.Contains("Jan", text);
        Assert.Contains("Feb", text);
        Assert.Contains("Dec", text);
        Assert.Contains("2025", text);
        Assert.Contains("Month", text);
        Assert.Contains("Promoters", text);
        Assert.Contains("Detractors", text);
    }
}
