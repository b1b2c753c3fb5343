using System.Text.Json;
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

/// <summary>
/// Value labels: documents show a column's labels for its codes (Turkish letters kept), JSON keeps the codes as values
/// and carries the labels in the column, and a stored JSON result reads them back.
/// </summary>
public class ValueLabelTests
{
    private static ResultColumn Reason() => new("churns.reason", ColumnType.Text)
    {
        Labels = new Dictionary<string, string>
        {
            ["fiyat"] = "Fiyat", ["ozellik_talebi"] = "Özellik talebi", ["nasil_yapilir"] = "Nasıl yapılır", ["diger"] = "Diğer",
        },
    };

    private static ResultColumn Churns() => new("churns_n", ColumnType.Integer, Meaning.Of(Unit.Count, Direction.LowerIsBetter, "Kayıp müşteri"));

    // "rakip" has no label: it is shown as it is.
    private static ResultTable ByReason() => new([Reason(), Churns()],
        [["ozellik_talebi", 7L], ["fiyat", 5L], ["nasil_yapilir", 2L], ["rakip", 1L]]);

    private static EvaluatedReport Document(ResultTable table, ChartKind chart = ChartKind.Bar) => Report("Kayıplar", [Section("Nedenler",
        new EvaluatedBlock("why", "table", "Neden ayrılıyorlar", table),
        new EvaluatedBlock("why_chart", "chart", "Nedenler", table, Chart: chart))], locale: "tr-TR");

    [Fact]
    public void Table_cells_show_the_labels_of_codes_with_turkish_letters_kept()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Document(ByReason())));

        Assert.Contains("Özellik talebi", text);
        Assert.Contains("Nasıl yapılır", text);
        Assert.Contains("rakip", text);
        Assert.DoesNotContain("ozellik_talebi", text);
        Assert.DoesNotContain("nasil_yapilir", text);
    }

    [Fact]
    public void Chart_categories_and_series_are_named_by_the_labels()
    {
        var format = new ValueFormatter("tr-TR");
        var byMonth = new ResultTable([MonthColumn(), Reason(), Churns()],
            [[new DateOnly(2025, 1, 1), "fiyat", 5L], [new DateOnly(2025, 1, 1), "ozellik_talebi", 2L], [new DateOnly(2025, 2, 1), "rakip", 1L]]);

        Assert.Equal(["Fiyat", "Özellik talebi", "rakip"], ChartData.From(byMonth, format).Series.Select(s => s.Name));

        // Bars by reason: the axis names the categories by label; a line by month names each series (the legend) by label.
        var text = Pdfs.AllText(PdfRenderer.Render(Document(ByReason())));
        Assert.DoesNotContain("ozellik_talebi", text);
        var legend = Pdfs.AllText(PdfRenderer.Render(Report("Kayıplar", [Section("Nedenler",
            new EvaluatedBlock("trend", "chart", "Nedenler", byMonth, Chart: ChartKind.Line))], locale: "tr-TR")));
        Assert.Contains("Özellik talebi", legend);
        Assert.DoesNotContain("ozellik_talebi", legend);
    }

    [Fact]
    public void JSON_rows_keep_the_codes_and_the_column_carries_the_labels_which_read_back()
    {
        var report = Document(ByReason());
        var json = ReportJson.ToJson(report);
        var block = JsonDocument.Parse(json).RootElement.GetProperty("sections")[0].GetProperty("blocks")[0];

        Assert.Equal("ozellik_talebi", block.GetProperty("rows")[0][0].GetString());
        var labels = block.GetProperty("columns")[0].GetProperty("labels");
        Assert.Equal("Özellik talebi", labels.GetProperty("ozellik_talebi").GetString());
        Assert.Equal("Diğer", labels.GetProperty("diger").GetString());
        Assert.False(block.GetProperty("columns")[1].TryGetProperty("labels", out _));

        var read = ReportJsonReader.Read(json).Sections[0].Blocks[0].Table!;
        Assert.Equal("Nasıl yapılır", read.Columns[0].LabelOf("nasil_yapilir"));
        Assert.Null(read.Columns[0].LabelOf("rakip"));
        Assert.Equal(Pdfs.AllText(PdfRenderer.Render(report)), Pdfs.AllText(PdfRenderer.Render(ReportJsonReader.Read(json))));
    }

    [Fact]
    public void A_number_code_finds_its_label_whatever_number_type_carries_it()
    {
        var stars = new ResultColumn("stars", ColumnType.Number) { Labels = new Dictionary<string, string> { [ValueKey.Of(5m)!] = "Çok iyi" } };

        Assert.Equal("Çok iyi", stars.LabelOf(5.0));
        Assert.Equal("Çok iyi", stars.LabelOf(5L));
        Assert.Null(stars.LabelOf(4.0));
        Assert.Equal("Çok iyi", new ValueFormatter("tr-TR").Cell(5.0, stars, 0, TimeUnit.Day));
    }
}
