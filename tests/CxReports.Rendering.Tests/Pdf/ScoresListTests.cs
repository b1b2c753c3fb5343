using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Sheets;
using CxReports.Rendering.Tests.Json;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class ScoresListTests
{
    private static EvaluatedBlock EmptyList(string? sentence) => Scores() with { Table = new ResultTable(Scores().Table!.Columns, []), Empty = sentence };

    [Fact]
    public void An_empty_list_says_nobody_matches_in_the_reports_language_not_no_data()
    {
        var english = Pdfs.AllText(PdfRenderer.Render(Report("Risk", [Section("Who to call", EmptyList(null))])));
        var turkish = Pdfs.AllText(PdfRenderer.Render(Report("Risk", [Section("Kimi arayalım", EmptyList(null))], "tr-TR")));

        Assert.Contains("No one matches this list.", english);
        Assert.DoesNotContain("no data", english);
        Assert.Contains("Bu listeye uyan kimse yok.", turkish);
        Assert.DoesNotContain("veri yok", turkish);
    }

    [Fact]
    public void An_empty_list_prints_the_sentence_the_analyst_wrote_and_JSON_keeps_it()
    {
        var report = Report("Risk", [Section("Kimi arayalım", EmptyList("Risk altında müşteri yok"))], "tr-TR");

        Assert.Contains("Risk altında müşteri yok", Pdfs.AllText(PdfRenderer.Render(report)));
        var json = ReportJson.ToJson(report);
        Assert.Contains("\"empty\": \"Risk alt", json);
        Assert.Equal("Risk altında müşteri yok", ReportJsonReader.Read(json).Sections[0].Blocks[0].Empty);
    }

    [Fact]
    public void Shown_fields_are_printed_beside_the_entity_with_their_headings()
    {
        var table = new ResultTable(
            [Col("customer_no", ColumnType.Text), Col("name", ColumnType.Text), Col("plan", ColumnType.Text), Col("score", ColumnType.Number, Dsl.Model.Unit.Score),
             new ResultColumn("band", ColumnType.Text) { Levels = ["healthy", "at_risk"] }],
            [["M00665", "Öz Gıda Ticaret", "pro", 35.0, "at_risk"]]);
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Risk", [Section("Who to call", new EvaluatedBlock("at_risk", "scores", null, table))])));

        Assert.Contains("Customer no Name Plan Score Band", text);
        Assert.Contains("M00665 Öz Gıda Ticaret pro", text);
    }

    [Fact]
    public void A_turkish_list_names_the_score_and_its_band_in_turkish_on_the_page_and_in_spreadsheets()
    {
        var block = Scores();
        var report = Report("Risk", [Section("Kimi arayalım", block)], "tr-TR");

        var text = Pdfs.AllText(PdfRenderer.Render(report));
        var sheet = SheetTable.Of(block, new ValueFormatter("tr-TR"));

        Assert.Contains("Customer no Puan Durum Usage Loyalty Monthly fee", text);
        Assert.DoesNotContain("Score", text);
        Assert.DoesNotContain("Band", text);
        Assert.Equal(["Customer no", "Puan", "Durum", "Usage", "Loyalty", "Monthly fee"], sheet.Columns.Select(c => c.Header));
    }
}
