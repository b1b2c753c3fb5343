using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Rendering.Pdf;
using UglyToad.PdfPig;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class PdfRendererTests
{
    [Fact]
    public void A_one_section_report_is_one_A4_page_with_its_title_in_the_metadata()
    {
        var pdf = PdfRenderer.Render(Report("Customer Success", [Section("At a glance", Kpi(("nps", 41.7142857142857, 38.2)))]));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595.28, page.Width, 0.5);
        Assert.Equal(841.89, page.Height, 0.5);
        Assert.Equal("Customer Success", document.Information.Title);
        Assert.Equal("What the programme returns, in one page.", document.Information.Subject);
        Assert.Equal("CxReports", document.Information.Author);
        Assert.Equal(GeneratedAt, document.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void The_first_page_shows_title_period_parameters_and_a_footer_with_page_generation_time_and_data_version()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Customer Success", [Section("At a glance", Kpi(("nps", 41.7, 38.2)))])));

        Assert.Contains("Customer Success", text);
        Assert.Contains("Jan 1, 2025 – Dec 31, 2025", text);
        Assert.Contains("plan = all", text);
        Assert.Contains("Page 1 of 1", text);
        // 08:00 UTC is 11:00 in Istanbul, the report's time zone.
        Assert.Contains("Jan 5, 2026 11:00 AM (Europe/Istanbul)", text);
        Assert.Contains("16bf1e40c7c6", text);
    }

    [Fact]
    public void KPI_tiles_show_rounded_values_signed_changes_the_previous_value_and_no_data_for_null()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("KPIs", [Section("At a glance",
            Kpi(("nps", 41.7142857142857, 38.2), ("churn", 1.8718, 2.7254), ("csat", null, 71.3), ("customers_active", 985, 700)))])));

        // nps, a score to one decimal: 41.71 - 38.2 = +3.51, with no relative change (a score's is meaningless).
        Assert.Contains("41.7", text);
        Assert.Contains("▲ +3.5", text);
        Assert.Contains("previous period: 38.2", text);
        Assert.DoesNotContain("(+9.2%)", text);
        // churn, a percent to one decimal: it fell by 0.8536 percentage points.
        Assert.Contains("1.9%", text);
        Assert.Contains("▼ −0.9 pp", text);
        Assert.Contains("no data", text);
        Assert.Contains("previous period: 71.3", text);
        // Whole numbers print without decimals, the relative change beside the difference: 285 / 700 = 40.7%.
        Assert.Contains("985", text);
        Assert.Contains("+285", text);
        Assert.Contains("(+40.7%)", text);
        Assert.Contains("Customers", text);
        Assert.Contains("Monthly churn %", text);
        Assert.Contains("NPS", text);
    }

    [Fact]
    public void Table_cells_are_formatted_per_column()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Segments", [Section("Segments", Table("By city", 12))])));

        Assert.Contains("By city", text);
        Assert.Contains("City", text);
        Assert.Contains("New customers", text);
        Assert.Contains("City 001", text);
        Assert.Contains("City 012", text);
        // 12 × 7 = 84 new customers; churn 1.5 + 12 % 10 / 10 = 1.7 percent.
        Assert.Contains("84", text);
        Assert.Contains("1.7%", text);
    }

    [Fact]
    public void Every_block_kind_renders()
    {
        var pdf = PdfRenderer.Render(Everything());
        var text = Pdfs.AllText(pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 2, 5);
        Assert.Contains("At a glance", text);
        Assert.Contains("Share of each monthly cohort still a customer", text);
        Assert.Contains("Months since the cohort started", text);
        Assert.Contains("97.5%", text);          // cohort m1: 100 - 2.5
        Assert.Contains("M00665", text);         // scores: the key
        Assert.Contains("At risk", text);        // scores: the band badge
        Assert.Contains("Retain 10 more a month", text);
        Assert.Contains("36 months", text);
        Assert.Contains("Promoters answer 9-10, detractors 0-6.", text);
        Assert.Contains("Jan", text);            // month names on the time axis
        Assert.Contains("Promoters", text);      // chart legend
    }

    [Fact]
    public void Letter_landscape_pages_are_792_by_612_points()
    {
        var pdf = PdfRenderer.Render(Everything(), new PdfOptions { Paper = PaperSize.Letter, Landscape = true });

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), page =>
        {
            Assert.Equal(792, page.Width, 0.5);
            Assert.Equal(612, page.Height, 0.5);
        });
    }

    [Fact]
    public void Empty_charts_tables_KPIs_cohorts_and_scenarios_say_no_data()
    {
        static EvaluatedBlock Empty(EvaluatedBlock block) => block with { Table = new(block.Table!.Columns, []) };
        var blocks = new[] { Empty(MonthlyChart(ChartKind.Line, "nps")), Table("By city", 0), Empty(Kpi(("nps", 1, 2))), Empty(Cohort()), Empty(Scenario()) };

        var text = Pdfs.AllText(PdfRenderer.Render(Report("Empty", [Section("Nothing yet", blocks)])));

        Assert.Equal(blocks.Length, text.Split("no data").Length - 1);
    }

    [Fact]
    public void A_page_break_comes_before_a_section_that_does_not_fit_and_pages_are_numbered()
    {
        var pdf = PdfRenderer.Render(Report("Long", [.. Enumerable.Range(1, 6).Select(i => Section($"Section {i}", MonthlyChart(ChartKind.Line, "nps")))]));
        var pages = Pdfs.PageTexts(pdf);

        Assert.True(pages.Count >= 3);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        // A section heading never ends a page without its chart: each page's last section has its chart on that page.
        Assert.All(pages, page => Assert.Contains("Month", page));
    }
}
