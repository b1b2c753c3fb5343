using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class LocaleTests
{
    [Fact]
    public void Periods_and_moments_are_written_as_each_locale_writes_dates()
    {
        var (from, to) = (new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30));

        Assert.Equal("Dec 1, 2025 – Nov 30, 2026", new ValueFormatter("en-US").Period(from, to));
        Assert.Equal("1 Ara 2025 – 30 Kas 2026", new ValueFormatter("tr-TR").Period(from, to));
    }

    [Fact]
    public void A_Turkish_report_prints_none_of_the_renderers_English_words()
    {
        // Every block whose frame the renderer words itself, with the analyst's words (titles) left out.
        var blocks = new[] { Kpi(("nps", 41.7, 38.2)), MonthlyChart(ChartKind.Line, "nps"), Cohort(), Scenario() }.Select(b => b with { Title = null }).ToArray();
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Genel bakış", [Section("Bir bakışta", blocks)], "tr-TR")));

        // The English words of the page frame, tiles, cohort heatmap and scenario matrix: none survives in Turkish.
        foreach (var english in new[] { "Page", "Generated", "data version", "Period", "Parameters", "previous period", "Cohort",
                     "Customers", "Months since", "Retain", "months", "cost", "kept", "Each cell", "not yet observable", "Month" })
            Assert.DoesNotContain(english, text);
        Assert.Contains("1 Oca 2025 – 31 Ara 2025", text);
        Assert.Contains("Sayfa 1 / ", text);
        Assert.Contains("Oluşturulma 5 Oca 2026 11:00", text);
        Assert.Contains("Ayda 5", text);
        Assert.Contains("Kohortun başlangıcından", text);
    }

    [Fact]
    public void An_English_report_writes_its_dates_month_first()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Everything("en-US")));

        Assert.Contains("Period: Jan 1, 2025 – Dec 31, 2025", text);
        Assert.Contains("Generated Jan 5, 2026 11:00 AM", text);
        Assert.Contains("Jan 2025", text);  // a cohort row
    }
}
