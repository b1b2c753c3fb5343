using System.Text.Json;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Pdf.Compose;
using CxReports.Rendering.Pdf.Style;
using CxReports.Rendering.Tests.Json;
using CxReports.Rendering.Tests.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests;

/// <summary>One metric shown as a KPI tile, a table cell and a chart series, and written as JSON and XLSX: all must agree.</summary>
public class MeaningAcrossDocumentsTests
{
    // Short enough for a chart's axis title (long titles are cut: issue 17, item 5), with every Turkish letter.
    private const string Label = "Süre ıİğĞşŞçÇöÖüÜ";

    /// <summary>Per unit: value, previous, how the value prints, how its change prints, the chart axis title (worked out by hand).</summary>
    public static TheoryData<Unit, double, double, string, string, string> Units => new()
    {
        // 1234 - 1000 = +234, 234 / 1000 = +23.4%.
        { Unit.Count, 1234, 1000, "1,234", "▲ +234 (+23.4%)", Label },
        // A percent to one decimal; its change in percentage points, never relative.
        { Unit.Percent, 12.34, 10.0, "12.3%", "▲ +2.3 pp", Label + " (%)" },
        // A score (an index): 41.72 - 38.2 = +3.52, no relative change.
        { Unit.Score, 41.72, 38.2, "41.7", "▲ +3.5", Label },
        // Money at or above 1,000 whole: +2,072.33, 2072.33 / 3798.76 = +54.6%.
        { Unit.Currency, 5871.09, 3798.76, "5,871", "▲ +2,072 (+54.6%)", Label },
        // A ratio to two decimals: +0.134, no relative change.
        { Unit.Ratio, 1.234, 1.1, "1.23", "▲ +0.13", Label },
        // Hours to one decimal: -0.56 h, -0.56 / 3 = -18.7%.
        { Unit.Hours, 2.44, 3.0, "2.4 h", "▼ −0.6 h (−18.7%)", Label + " (h)" },
        // Days: +1.06 d, 1.06 / 2 = +53.0%.
        { Unit.Days, 3.06, 2.0, "3.1 d", "▲ +1.1 d (+53.0%)", Label + " (d)" },
        // A number without a unit: one decimal at or above 10, +3.52 / 38.2 = +9.2%.
        { Unit.None, 41.72, 38.2, "41.7", "▲ +3.5 (+9.2%)", Label },
    };

    /// <summary>
    /// Money per locale: the symbol where the currency is the locale's own (₺ in tr-TR, $ in en-US), the ISO code
    /// elsewhere; Turkish writes it after the number; a quantity per month says so ("/ay", "/mo"). Value 5,871.09
    /// against 3,798.76: +2,072.33, +54.6%; the tile's change is in the value's unit, which the value above it states.
    /// </summary>
    public static TheoryData<string, string, bool, string, string, string> Money => new()
    {
        { "tr-TR", "TRY", true, "5.871 ₺/ay", "▲ +2.072 (+%54,6)", Label + " (₺/ay)" },
        { "tr-TR", "USD", false, "5.871 USD", "▲ +2.072 (+%54,6)", Label + " (USD)" },
        { "en-US", "TRY", true, "TRY 5,871/mo", "▲ +2,072 (+54.6%)", Label + " (TRY/mo)" },
        { "en-US", "USD", false, "$5,871", "▲ +2,072 (+54.6%)", Label + " ($)" },
    };

    [Theory]
    [MemberData(nameof(Money))]
    public void Tile_cell_chart_axis_and_JSON_show_money_with_its_currency_and_per_month(
        string locale, string currency, bool perMonth, string printed, string change, string axis)
    {
        var meaning = Meaning.Of(Unit.Currency, Direction.HigherIsBetter, Label) with { Currency = currency, PerMonth = perMonth };
        var report = Document(meaning, 5871.09, 3798.76) with { Locale = locale };
        var text = Pdfs.AllText(PdfRenderer.Render(report));

        Assert.True(Occurrences(text, printed) >= 2, $"'{printed}' printed {Occurrences(text, printed)} times in: {text}");
        Assert.True(text.Contains(change, StringComparison.Ordinal), text);
        Assert.Contains(Upwards(axis), SingleLetters(text));

        var json = JsonDocument.Parse(ReportJson.ToJson(report)).RootElement;
        var blocks = json.GetProperty("sections")[0].GetProperty("blocks");
        var kpiRow = blocks[0].GetProperty("rows")[0];
        Assert.Equal(currency, kpiRow[9].GetString());
        Assert.Equal(perMonth, kpiRow[10].GetBoolean());
        foreach (var block in new[] { blocks[1], blocks[2] })
        {
            var column = block.GetProperty("columns")[1];
            Assert.Equal(currency, column.GetProperty("currency").GetString());
            Assert.Equal(perMonth, column.TryGetProperty("perMonth", out var p) && p.GetBoolean());
        }
        var read = ReportJsonReader.Read(ReportJson.ToJson(report));
        Assert.Equal(meaning, read.Sections[0].Blocks[1].Table!.Columns[1].Meaning);
        Assert.Equal(text, Pdfs.AllText(PdfRenderer.Render(read)));
    }

    [Fact]
    public void A_snapshot_tile_says_the_day_it_was_taken_in_the_reports_language()
    {
        var meaning = Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Aktif müşteriler");

        Assert.Equal("Aktif müşteriler · 30 Kas 2026 itibarıyla",
            KpiComposer.Tile(meaning, 1468, 985, null, new ValueFormatter("tr-TR"), new DateOnly(2026, 11, 30)).Label);
        Assert.Equal("Aktif müşteriler · at Nov 30, 2026",
            KpiComposer.Tile(meaning, 1468, 985, null, new ValueFormatter("en-US"), new DateOnly(2026, 11, 30)).Label);
        Assert.Equal("Aktif müşteriler", KpiComposer.Tile(meaning, 1468, 985, null, new ValueFormatter("en-US")).Label);
    }

    [Fact]
    public void A_table_column_of_a_snapshot_says_its_day_in_the_PDF_and_in_JSON()
    {
        var column = new ResultColumn("customers_active", ColumnType.Integer, Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Müşteriler"))
        {
            AsOf = new DateOnly(2026, 10, 31),
        };
        var report = Report("Anlam", [Section("Bölüm", new EvaluatedBlock("by_plan", "table", "Pakete göre",
            new ResultTable([new("plan", ColumnType.Text), column], [["pro", 470L]])))], locale: "tr-TR");

        Assert.Contains("Müşteriler · 31 Eki 2026 itibarıyla", Pdfs.AllText(PdfRenderer.Render(report)));
        var json = JsonDocument.Parse(ReportJson.ToJson(report)).RootElement;
        Assert.Equal("2026-10-31", json.GetProperty("sections")[0].GetProperty("blocks")[0].GetProperty("columns")[1].GetProperty("asOf").GetString());
        Assert.Equal(column.AsOf, ReportJsonReader.Read(ReportJson.ToJson(report)).Sections[0].Blocks[0].Table!.Columns[1].AsOf);
    }

    private static EvaluatedReport Document(Meaning meaning, double value, double previous) => Report("Anlam", [Section("Bölüm",
        Kpi(("wait", meaning, value, previous)),
        new EvaluatedBlock("by_city", "table", "Şehirler", new ResultTable(
            [new("city", ColumnType.Text), new("wait", ColumnType.Number, meaning)], [["İzmir", value]])),
        new EvaluatedBlock("trend", "chart", "Eğilim", new ResultTable(
            [MonthColumn(), new("wait", ColumnType.Number, meaning)],
            Months(3).Select((m, i) => new object?[] { m, value * (0.9 + 0.1 * i) }).ToList()), Chart: ChartKind.Line))]);

    [Theory]
    [MemberData(nameof(Units))]
    public void Tile_cell_chart_axis_JSON_and_XLSX_show_a_metric_with_the_same_label_unit_and_decimals(
        Unit unit, double value, double previous, string printed, string change, string axis)
    {
        foreach (var direction in Enum.GetValues<Direction>())
        {
            var meaning = Meaning.Of(unit, direction, Label);
            var report = Document(meaning, value, previous);
            var text = Pdfs.AllText(PdfRenderer.Render(report));

            // The tile and the table cell print the value alike; the tile adds the change as the unit states it.
            Assert.True(Occurrences(text, printed) >= 2, $"{unit}: '{printed}' printed {Occurrences(text, printed)} times in: {text}");
            Assert.Contains(change, text);
            // The label, Turkish letters kept, heads the tile and the table column, and titles the chart's axis with its unit.
            Assert.True(Occurrences(text, Label) >= 2, text);
            Assert.Contains(Upwards(axis), SingleLetters(text));

            var json = JsonDocument.Parse(ReportJson.ToJson(report)).RootElement;
            var blocks = json.GetProperty("sections")[0].GetProperty("blocks");
            var kpiRow = blocks[0].GetProperty("rows")[0];
            Assert.Equal(Label, kpiRow[4].GetString());
            Assert.Equal(unit.ToString().ToLowerInvariant(), kpiRow[5].GetString());
            Assert.Equal(KpiTable.Name(direction), kpiRow[7].GetString());
            Assert.Equal(meaning.RelativeChange, kpiRow[8].GetBoolean());
            foreach (var block in new[] { blocks[1], blocks[2] })
            {
                var column = block.GetProperty("columns")[1];
                Assert.Equal(Label, column.GetProperty("label").GetString());
                Assert.Equal(unit.ToString().ToLowerInvariant(), column.GetProperty("unit").GetString());
                Assert.Equal(KpiTable.Name(direction), column.GetProperty("direction").GetString());
                Assert.Equal(meaning.RelativeChange, column.GetProperty("relativeChange").GetBoolean());
                Assert.Equal(meaning.Decimals, column.TryGetProperty("decimals", out var d) ? d.GetInt32() : null);
            }

            // The spreadsheet holds the number the page prints (a real number, not text) under the same label.
            var shown = double.Parse(new string(printed.Where(c => char.IsDigit(c) || c == '.').ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            using (var workbook = new Sheets.Workbook(Rendering.Sheets.ReportXlsx.Render(report)))
            {
                var cells = workbook.Sheet("Şehirler");
                Assert.StartsWith(Label, (string)cells[0][1].Value!);
                Assert.Equal(shown, cells[1][1].Value);
                var kpi = workbook.Sheet("kpi_1");
                Assert.StartsWith(Label, (string)kpi[1][0].Value!);
                Assert.Equal(shown, kpi[1][1].Value);
            }

            // A stored JSON result renders to the same page: the meaning travels with the document, not beside it.
            Assert.Equal(text, Pdfs.AllText(PdfRenderer.Render(ReportJsonReader.Read(ReportJson.ToJson(report)))));
        }
    }

    [Theory]
    [InlineData(Direction.HigherIsBetter, 1.0, "good")]
    [InlineData(Direction.HigherIsBetter, -1.0, "bad")]
    [InlineData(Direction.LowerIsBetter, 1.0, "bad")]
    [InlineData(Direction.LowerIsBetter, -1.0, "good")]
    [InlineData(Direction.Neutral, 1.0, "neutral")]
    [InlineData(Direction.Neutral, -1.0, "neutral")]
    [InlineData(Direction.HigherIsBetter, 0.0, "neutral")]
    public void A_KPI_change_is_coloured_by_the_metrics_direction_alone(Direction direction, double change, string news)
    {
        // The same name in every case: only the direction on the row decides.
        var tile = KpiComposer.Tile(Meaning.Of(Unit.Count, direction, "churn"), 10 + change, 10, null, new ValueFormatter("en-US"));

        Assert.Equal(news switch { "good" => Theme.Good, "bad" => Theme.Bad, _ => Theme.Neutral }, tile.ChangeColor);
    }

    /// <summary>An axis title drawn bottom to top as PdfPig reads it: letter by letter, from the top, without spaces.</summary>
    private static string Upwards(string title) => new(title.Replace(" ", "").Reverse().ToArray());

    /// <summary>The page's one-letter words in order, digits left out (the axis ticks between the title's letters).</summary>
    private static string SingleLetters(string text) =>
        string.Concat(text.Split(' ').Where(w => w.Length == 1 && !char.IsDigit(w[0])));

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
