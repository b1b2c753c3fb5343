using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Pdf.Charts;
using CxReports.Rendering.Tests.Json;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class MarginBandTests
{
    private static readonly ValueFormatter English = new("en-US");

    /// <summary>NPS 40, 50, 45 with margins 5, 4, 6 over three months; the margin column says whose margin it is.</summary>
    private static ResultTable NpsWithMargin() => new(
        [MonthColumn(), new ResultColumn("nps", ColumnType.Number, Meaning.Of(Unit.Score, Direction.HigherIsBetter, "NPS")),
         new ResultColumn("nps_margin", ColumnType.Number, Meaning.Of(Unit.Score, Direction.LowerIsBetter, "NPS margin of error")) { MarginOf = "nps" }],
        Months(3).Zip([(40.0, 5.0), (50.0, 4.0), (45.0, 6.0)], (m, v) => new object?[] { m, v.Item1, v.Item2 }).ToList());

    [Fact]
    public void A_margin_of_error_is_a_band_around_its_metric_not_a_second_line()
    {
        var data = ChartData.From(NpsWithMargin(), English);
        var plot = ChartPlot.Build(data, ChartKind.Line, English, 500);
        var band = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>());
        var limits = band.GetAxisLimits();

        Assert.Equal(["NPS"], data.Series.Select(s => s.Name));
        Assert.Equal([5.0, 4.0, 6.0], data.Series[0].Margin);
        // From the lowest value − margin (40 − 5 = 35) to the highest value + margin (50 + 4 = 54).
        Assert.Equal(35, limits.Bottom, 9);
        Assert.Equal(54, limits.Top, 9);
    }

    [Fact]
    public void The_page_says_what_the_band_is_and_JSON_keeps_whose_margin_it_is()
    {
        var report = Report("Loyalty", [Section("s", new EvaluatedBlock("c", "chart", null, NpsWithMargin(), Chart: ChartKind.Line))]);

        Assert.Contains("Shaded: ± NPS margin of error", Pdfs.AllText(PdfRenderer.Render(report)));
        var json = ReportJson.ToJson(report);
        Assert.Contains("\"marginOf\": \"nps\"", json);
        Assert.Equal("nps", ReportJsonReader.Read(json).Sections[0].Blocks[0].Table!.Columns[2].MarginOf);
    }

    [Fact]
    public void A_margin_whose_metric_is_not_plotted_stays_a_series()
    {
        var table = NpsWithMargin();
        var alone = new ResultTable([table.Columns[0], table.Columns[2]], table.Rows.Select(r => new[] { r[0], r[2] }).ToList());

        Assert.Equal(["NPS margin of error"], ChartData.From(alone, English).Series.Select(s => s.Name));
    }
}
