using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Pdf.Charts;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class TurkishTests
{
    private const string Letters = "çğıİöşü ÇĞÖŞÜ";

    [Fact]
    public void Turkish_letters_round_trip_through_the_PDF_text()
    {
        var report = Report($"Müşteri Deneyimi {Letters}", [Section("Şikâyetler ve öneriler", Text($"Gıda, İstanbul, Çağrı, Öğrenci, Şube: {Letters} ₺ €"))], "tr-TR");

        var text = Pdfs.AllText(PdfRenderer.Render(report));

        Assert.Contains($"Müşteri Deneyimi {Letters}", text);
        Assert.Contains("Şikâyetler ve öneriler", text);
        Assert.Contains("Gıda, İstanbul, Çağrı, Öğrenci, Şube:", text);
        Assert.Contains("₺ €", text);
    }

    [Fact]
    public void Turkish_reports_use_decimal_commas_percent_signs_first_and_Turkish_words()
    {
        var report = Report("Değer", [Section("Bir bakışta", Kpi(("nps", 41.7142857142857, 38.2), ("ltv", 5871.09, 3798.76)), Table("Şehirler", 3))], "tr-TR");

        var text = Pdfs.AllText(PdfRenderer.Render(report));

        Assert.Contains("41,7", text);
        Assert.Contains("5.871", text);
        Assert.Contains("%1,6", text);              // churn of City 001: 1.5 + 0.1
        Assert.Contains("önceki dönem: 38,2", text);
        Assert.Contains("Sayfa 1 / 1", text);
        Assert.Contains("1 Oca 2025 – 31 Ara 2025", text);
    }

    [Fact]
    public void Turkish_month_names_label_time_axes_and_cohorts()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Kohortlar", [Section("Elde tutma", MonthlyChart(ChartKind.Line, "nps"), Cohort())], "tr-TR")));

        Assert.Contains("Oca", text);
        Assert.Contains("Şub", text);
        Assert.Contains("Haz", text);
        Assert.Contains("Oca 2025", text);          // a cohort row
        Assert.Contains("%97,5", text);
    }
}

public class TurkishAxisTests
{
    [Fact]
    public void Time_dimensions_and_axis_words_are_Turkish_in_Turkish_reports()
    {
        var chart = MonthlyChart(ChartKind.Stacked, "promoters", "passives");
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Eğilimler", [Section("Yanıtlar", chart)], "tr-TR")));
        var plot = ChartPlot.Build(ChartData.From(chart.Table!, new ValueFormatter("tr-TR")), ChartKind.Stacked, new ValueFormatter("tr-TR"), 500);

        Assert.Contains("Ay", text.Split(' ', '\n'));
        Assert.DoesNotContain("Month", text);
        // The y axis label is vertical text, which PdfPig reads letter by letter: check the plot itself.
        Assert.Equal("Puan", plot.Axes.Left.Label.Text);
    }
}
