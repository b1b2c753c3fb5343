using System.Text.RegularExpressions;
using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>
/// A scenario's amounts say their currency wherever they are written compactly (the measured effect's tiles and
/// sentence, the what-if grid's cells, gains and costs), placed as KPI tiles place it: "83 B ₺" in tr-TR, "TRY 83k" in
/// en-US, where the lira is not the locale's own currency.
/// </summary>
public partial class ScenarioCurrencyTests
{
    /// <summary>The table's money columns in lira, as the evaluator gives them the model's currency.</summary>
    private static ResultTable InLira(ResultTable table) => new(
        table.Columns.Select(c => c.Unit == Unit.Currency ? c with { Meaning = c.Meaning with { Currency = "TRY" } } : c).ToList(),
        table.Rows);

    /// <summary>
    /// The grid of <see cref="Reports.Scenario"/>: gain 1,000 × retained × months, cost 20,000 a year, so retaining 1
    /// for 12 months gains 12,000 and nets −8,000, retaining 10 for 36 months gains 360,000 and nets 300,000; the
    /// measured effect is worth 31,400 against 12,000 of cost, net 19,400.
    /// </summary>
    private static string Text(string locale)
    {
        var scenario = Scenario();
        var measured = new ResultTable(MeasuredEffect.Columns,
            [["period", new DateOnly(2024, 11, 1), new DateOnly(2025, 10, 31), 2.8, 1.9, -0.9, 1200.0, 10.8, 12L, 116.9, 31400.0, 12000.0, 19400.0, 161.7]]);
        var block = scenario with { Table = InLira(scenario.Table!), Measured = InLira(measured) };
        return Pdfs.AllText(PdfRenderer.Render(Report("CX ROI", [Section("Retaining more customers", block)], locale)));
    }

    [Fact]
    public void A_turkish_scenario_writes_the_lira_after_every_compact_amount()
    {
        var text = Text("tr-TR");

        Assert.Contains("Değerleri 31 B ₺, 12 ayın program maliyeti 12 B ₺ (net +19 B ₺, YG %162).", text);
        Assert.Contains("program maliyeti 12 B ₺", text);
        Assert.Contains("maliyet 20 B ₺", text);
        Assert.Contains("maliyet 60 B ₺", text);
        Assert.Contains("−8.000 ₺", text);
        Assert.Contains("+12 B ₺", text);
        Assert.Contains("300 B ₺", text);
        Assert.Contains("+360 B ₺", text);
        Assert.Empty(TurkishCompactWithoutLira().Matches(text));
    }

    [Fact]
    public void An_english_scenario_in_lira_writes_the_ISO_code_before_every_compact_amount()
    {
        var text = Text("en-US");

        Assert.Contains("worth TRY 31k against a programme cost of TRY 12k over 12 months (net +TRY 19k, ROI 162%).", text);
        Assert.Contains("programme cost TRY 12k", text);
        Assert.Contains("cost TRY 20k", text);
        Assert.Contains("cost TRY 60k", text);
        Assert.Contains("−TRY 8,000", text);
        Assert.Contains("+TRY 12k", text);
        Assert.Contains("TRY 300k", text);
        Assert.Contains("+TRY 360k", text);
        Assert.Empty(EnglishCompactWithoutCode().Matches(text));
    }

    /// <summary>"83 B" or "1,3 Mn" not followed by the lira sign.</summary>
    [GeneratedRegex(@"\d (B|Mn)(?! ₺)")]
    private static partial Regex TurkishCompactWithoutLira();

    /// <summary>"83k" or "1.3M" not preceded by the ISO code.</summary>
    [GeneratedRegex(@"(?<!TRY )(?<![\d.,])\d[\d.,]*[kM]\b")]
    private static partial Regex EnglishCompactWithoutCode();
}
