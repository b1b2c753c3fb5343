using System.Text.Json;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Tests.Json;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>
/// Headings of dimension columns and scores lists are the model's labels (Turkish letters kept), the score and band
/// columns the renderer's words in the report's language, and band values their labels; JSON carries the labels and
/// keeps the codes.
/// </summary>
public class LabelledHeadingsTests
{
    private static readonly Meaning Points = Meaning.Of(Unit.Score, Direction.HigherIsBetter);

    private static ResultTable Scores() => new(
    [
        new ResultColumn("musteri_no", ColumnType.Text, Meaning.None with { Label = "Müşteri no" }),
        new ResultColumn("name", ColumnType.Text, Meaning.None with { Label = "Ad" }),
        new ResultColumn("plan", ColumnType.Text, Meaning.None with { Label = "Paket" })
        {
            Labels = new Dictionary<string, string> { ["basic"] = "Temel", ["pro"] = "Profesyonel" },
        },
        new ResultColumn("score", ColumnType.Number, Points) { Word = "score" },
        new ResultColumn("band", ColumnType.Text)
        {
            Word = "band",
            Levels = ["healthy", "at_risk"],
            Labels = new Dictionary<string, string> { ["healthy"] = "Sağlıklı", ["at_risk"] = "Risk altında" },
        },
        new ResultColumn("usage", ColumnType.Number, Points with { Label = "Kullanım" }),
    ],
    [
        ["M00665", "Lale Gıda Ltd. Şti.", "basic", 35.0, "at_risk", 25.0],
        ["M01142", "Öztürk Medya A.Ş.", "pro", 82.0, "healthy", 90.0],
    ]);

    private static ResultTable ByContractBand() => new(
    [
        new ResultColumn("customer.contract_band", ColumnType.Text, Meaning.None with { Label = "Sözleşme bandı" })
        {
            DeclaredOrder = ["<1000", "1000-4999"],
        },
        new ResultColumn("customers_new", ColumnType.Integer, Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Yeni müşteri")),
    ],
    [["<1000", 339L], ["1000-4999", 349L]]);

    private static EvaluatedReport Document(string locale) => Report("Müşteri Başarısı", [Section("Kimi aramalı",
        new EvaluatedBlock("at_risk", "scores", "Risk altındaki hesaplar", Scores()),
        new EvaluatedBlock("by_contract", "table", "Sözleşme değerine göre", ByContractBand()))], locale: locale);

    [Fact]
    public void A_turkish_scores_list_and_dimension_column_are_headed_by_their_labels_and_turkish_words()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Document("tr-TR")));

        foreach (var heading in new[] { "Müşteri no", "Ad", "Paket", "Puan", "Durum", "Kullanım", "Sözleşme bandı" })
            Assert.Contains(heading, text);
        Assert.Contains("Risk altında", text);
        Assert.Contains("Sağlıklı", text);
        Assert.Contains("Temel", text);
        Assert.Contains("Profesyonel", text);
        foreach (var machine in new[] { "Musteri", "At risk", "at_risk", "Score", "Band", "Usage", "Contract band", "basic" })
            Assert.DoesNotContain(machine, text);
    }

    [Fact]
    public void The_score_and_band_columns_are_named_in_the_report_language()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Document("en-US")));

        Assert.Contains("Score", text);
        Assert.Contains("Band", text);
        Assert.DoesNotContain("Puan", text);
        Assert.DoesNotContain("Durum", text);
    }

    [Fact]
    public void JSON_carries_the_labels_and_words_keeps_the_codes_and_reads_back_to_the_same_page()
    {
        var report = Document("tr-TR");
        var json = ReportJson.ToJson(report);
        var blocks = JsonDocument.Parse(json).RootElement.GetProperty("sections")[0].GetProperty("blocks");
        var columns = blocks[0].GetProperty("columns");

        Assert.Equal("Müşteri no", columns[0].GetProperty("label").GetString());
        Assert.Equal("Kullanım", columns[5].GetProperty("label").GetString());
        Assert.Equal("score", columns[3].GetProperty("word").GetString());
        Assert.Equal("band", columns[4].GetProperty("word").GetString());
        Assert.Equal("Risk altında", columns[4].GetProperty("labels").GetProperty("at_risk").GetString());
        Assert.Equal("at_risk", blocks[0].GetProperty("rows")[0][4].GetString());
        Assert.Equal("Sözleşme bandı", blocks[1].GetProperty("columns")[0].GetProperty("label").GetString());

        Assert.Equal(Pdfs.AllText(PdfRenderer.Render(report)), Pdfs.AllText(PdfRenderer.Render(ReportJsonReader.Read(json))));
    }
}
