using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class KpiUnitTests
{
    [Fact]
    public void A_KPI_tile_takes_its_unit_from_its_own_row_when_no_other_block_shows_the_metric()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Units", [Section("Value", Kpi(("churn", 1.8718, 2.7254), ("csat", 81.26, 79.5)))])));

        // churn is a percent on its row: 1.9%, changing by percentage points (1.8718 - 2.7254 = -0.8536), no relative change.
        Assert.Contains("1.9%", text);
        Assert.Contains("▼ −0.9 pp", text);
        Assert.Contains("previous period: 2.7%", text);
        // CSAT is a percent too: 81.26 → 81.3%, +1.76 → +1.8 pp.
        Assert.Contains("81.3%", text);
        Assert.Contains("▲ +1.8 pp", text);
        Assert.Contains("previous period: 79.5%", text);
    }

    [Fact]
    public void A_KPI_tile_does_not_borrow_a_unit_from_a_same_named_column_elsewhere_in_the_report()
    {
        // A KPI table without meaning columns (as written before meanings were carried) beside a percent column "churn".
        var bare = new EvaluatedBlock("kpi_1", "kpi", null, new ResultTable(
            [new("metric", ColumnType.Text), new("value", ColumnType.Number), new("previous", ColumnType.Number), new("change", ColumnType.Number)],
            [["churn", 1.8718, 2.7254, 1.8718 - 2.7254]]));

        var text = Pdfs.AllText(PdfRenderer.Render(Report("Units", [Section("Value", bare, Table("By city", 3))])));

        // A plain number to two decimals (below 10) under its name; the table's percent column is not consulted.
        Assert.Contains("churn 1.87", text);
        Assert.DoesNotContain("1.9%", text);
    }

    [Fact]
    public void An_index_shows_no_relative_change_and_a_count_does()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Units", [Section("Value",
            Kpi(("nps", Meaning.Of(Unit.Score, Direction.HigherIsBetter, "NPS"), 41.7, 25.0),
                ("tickets", Meaning.Of(Unit.Count, Direction.Neutral, "Tickets"), 150, 120)))])));

        // NPS rose 16.7 points; 16.7 / 25 = +66.8% would be read as a percent of an index.
        Assert.Contains("▲ +16.7 ▲", text);
        Assert.Contains("previous period: 25.0", text);
        Assert.DoesNotContain("66.8", text);
        // Tickets: +30 of 120 = +25.0%.
        Assert.Contains("▲ +30 (+25.0%)", text);
    }
}
