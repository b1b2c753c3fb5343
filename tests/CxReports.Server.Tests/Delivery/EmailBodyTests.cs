using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Server.Delivery;

namespace CxReports.Server.Tests.Delivery;

public class EmailBodyTests
{
    private static EvaluatedReport Report(string locale) => new(
        "cx", "Müşteri Deneyimi", null, new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero),
        new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30), "month", "Europe/Istanbul", locale,
        new Dictionary<string, object?>(), "v1",
        [new EvaluatedSection("Özet", [new EvaluatedBlock("kpi_1", "kpi", null, new ResultTable(KpiTable.Columns,
            [KpiTable.Row("churn", 1.87, 2.73, 1.87 - 2.73, Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Aylık kayıp"))]))])]);

    [Fact]
    public void A_Turkish_report_is_mailed_with_Turkish_words_dates_and_numbers()
    {
        var text = EmailBody.Text(Report("tr-TR"));
        var html = EmailBody.Html(Report("tr-TR"));

        Assert.Contains("Dönem: 1 Ara 2025 – 30 Kas 2026", text);
        Assert.Contains("Aylık kayıp: %1,9 (▼ −0,9 puan; önceki dönem: %2,7)", text);
        Assert.Contains("Raporun tamamı ektedir.", text);
        Assert.DoesNotContain("attached", text + html);
        Assert.Contains("Dönem: 1 Ara 2025 – 30 Kas 2026", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void An_English_report_is_mailed_with_its_dates_month_first()
    {
        var text = EmailBody.Text(Report("en-US"));

        Assert.Contains("Period: Dec 1, 2025 – Nov 30, 2026", text);
        Assert.Contains("The full report is attached.", text);
    }
}
