using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Tests.Json;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>
/// A measured scenario's page: the measured effect (tiles and one sentence, in the report's language) comes before
/// the what-if grid, whose row nearest to the measured customers a month is marked; JSON carries it and reads it back.
/// </summary>
public class MeasuredEffectPdfTests
{
    /// <summary>
    /// Churn 2.8% → 1.9% among 1,200 customers: 0.9 / 100 × 1,200 = 10.8 kept a month, 116.9 still customers at the
    /// end of 12 months, worth 31,400 against 12,000 of programme cost: net 19,400, ROI 161.7%.
    /// </summary>
    private static ResultTable Measured(double? before = 2.8, double? kept = 10.8, double? change = -0.9) => new(MeasuredEffect.Columns,
    [
        ["period", new DateOnly(2024, 11, 1), new DateOnly(2025, 10, 31), before, 1.9, change, 1200.0, kept, 12L,
         kept is null ? null : 116.9, kept is null ? null : 31400.0, 12000.0, kept is null ? null : 19400.0, kept is null ? null : 161.7],
    ]);

    private static EvaluatedReport Document(ResultTable measured, string locale) =>
        Report("CX ROI", [Section("Retaining more customers", Scenario() with { Measured = measured })], locale);

    private static string Text(EvaluatedReport report) => Pdfs.AllText(PdfRenderer.Render(report));

    [Fact]
    public void The_measured_effect_is_told_in_one_sentence_before_the_what_if_grid()
    {
        var text = Text(Document(Measured(), "en-US"));

        const string sentence = "Churn fell from 2.8% to 1.9% a month against the previous period (Nov 1, 2024 – Oct 31, 2025), 0.9 pp less. "
            + "About 11 customers a month were kept; 117 of them were still customers at the period's end, worth 31k against a programme cost "
            + "of 12k over 12 months (net +19k, ROI 162%).";
        Assert.Contains(sentence, text);
        Assert.True(text.IndexOf(sentence, StringComparison.Ordinal) < text.IndexOf("Retain 1 more a month", StringComparison.Ordinal));
        // The tiles' labels, then their values (PdfPig reads the row line by line).
        Assert.Contains("Churn a month Customers kept a Value of the customers Net of programme cost", text);
        Assert.Contains("1.9% 11 31k +19k ▼ −0.9 pp ROI 162% before: 2.8% average active: 1,200 programme cost 12k", text);
        Assert.Contains("Retain 10 more a month 100k 300k ← measured: 11 a month", text);
    }

    [Fact]
    public void A_turkish_report_tells_it_in_turkish()
    {
        var text = Text(Document(Measured(), "tr-TR"));

        Assert.Contains("Aylık kayıp oranı önceki döneme göre (1 Kas 2024 – 31 Eki 2025) 0,9 puan düştü: %2,8 → %1,9. "
            + "Ayda yaklaşık 11 müşteri elde tutuldu; dönem sonunda bunların 117 tanesi hâlâ müşteri. "
            + "Değerleri 31 B, 12 ayın program maliyeti 12 B (net +19 B, YG %162).", text);
        Assert.Contains("ort. aktif müşteri: 1.200", text);
        Assert.Contains("← ölçülen: ayda 11", text);
    }

    [Fact]
    public void Rising_churn_is_told_as_customers_lost_without_claiming_their_value()
    {
        var text = Text(Document(Measured(before: 1.0, kept: -10.8, change: 0.9), "en-US"));

        Assert.Contains("Churn rose from 1.0% to 1.9% a month against the previous period (Nov 1, 2024 – Oct 31, 2025), 0.9 pp more. "
            + "About 11 more customers a month were lost than at the baseline's rate; the programme cost 12k over 12 months.", text);
        Assert.Contains("Customers lost a", text);
        Assert.Contains("1.9% 11 ▲ +0.9 pp", text);
        Assert.DoesNotContain("measured:", text);
        Assert.DoesNotContain("Value of the customers kept", text);
    }

    [Fact]
    public void Without_baseline_churn_the_page_says_why_and_shows_no_tiles()
    {
        var text = Text(Document(Measured(before: null, kept: null, change: null), "en-US"));

        Assert.Contains("The programme's effect cannot be measured: there is no churn data for the baseline (Nov 1, 2024 – Oct 31, 2025).", text);
        Assert.DoesNotContain("Churn a month", text);
    }

    [Fact]
    public void JSON_carries_the_measured_effect_with_its_meaning_and_reads_it_back()
    {
        var report = Document(Measured(), "en-US");
        var json = ReportJson.ToJson(report);

        var read = ReportJsonReader.Read(json);

        Assert.Contains("\"measured\":{\"columns\":[", json.Replace(" ", "").Replace("\n", ""));
        var measured = read.Sections[0].Blocks[0].Measured!;
        Assert.Equal(MeasuredEffect.Columns.Select(c => (c.Name, c.Type, c.Meaning)), measured.Columns.Select(c => (c.Name, c.Type, c.Meaning)));
        Assert.Equal(Measured().Rows[0], measured.Rows[0]);
        Assert.Equal(json, ReportJson.ToJson(read));
    }
}
