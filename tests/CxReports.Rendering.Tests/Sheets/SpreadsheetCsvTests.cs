using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Sheets;

namespace CxReports.Rendering.Tests.Sheets;

public sealed class SpreadsheetCsvTests
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void A_turkish_report_table_is_semicolon_separated_with_decimal_commas_labels_and_a_byte_order_mark()
    {
        var report = SheetFixtures.Report("tr-TR");
        var bytes = ReportCsv.Block(report, "by_city");

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var (header, rows) = Parse(bytes, Turkish, ";");
        Assert.Equal(["Şehir", "Ay", "Aylık kayıp oranı (%)", "Aktif müşteri", "LTV", SheetFixtures.EveryTurkishLetter], header);
        // Read back with the locale's own number rules: the digits the page shows, no float tails.
        Assert.Equal("İzmir", rows[0][0]);
        Assert.Equal("2025-01-01", rows[0][1]);
        Assert.Equal("1,9", rows[0][2]);
        Assert.Equal(1.9, double.Parse(rows[0][2], Turkish));
        Assert.Equal("1468", rows[0][3]);
        Assert.Equal("5871", rows[0][4]); // money of four digits is shown whole
        Assert.Equal("12,3", rows[0][5]);
        Assert.Equal("", rows[1][2]); // undefined stays empty, not 0
        Assert.Equal("612", rows[1][4]);
        Assert.Equal("-3,1", rows[1][5]);
        Assert.Equal(-3.1, double.Parse(rows[1][5], Turkish));
    }

    [Fact]
    public void An_english_report_table_is_comma_separated_with_decimal_points()
    {
        var (header, rows) = Parse(ReportCsv.Block(SheetFixtures.Report("en-US"), "by_city"), English, ",");

        Assert.Equal(["Şehir", "Month", "Aylık kayıp oranı (%)", "Aktif müşteri", "LTV", SheetFixtures.EveryTurkishLetter], header);
        Assert.Equal(["İzmir", "2025-01-01", "1.9", "1468", "5871", "12.3"], rows[0]);
    }

    [Fact]
    public void A_kpi_table_has_one_row_per_metric_with_its_unit_in_the_label_and_its_own_decimals()
    {
        var (header, rows) = Parse(ReportCsv.Block(SheetFixtures.Report("tr-TR"), "kpi_1"), Turkish, ";");

        Assert.Equal(["Gösterge", "Değer", "Önceki dönem", "Değişim", "Değişim (%)"], header);
        // A rate changes in points, with no relative change; a count's 68 more on 1,400 is 100 · 68 / 1400 = 4.857… → 4,9 %.
        Assert.Equal(["Aylık kayıp oranı (%)", "1,9", "2,8", "-0,9", ""], rows[0]);
        Assert.Equal(["Aktif müşteri", "1468", "1400", "68", "4,9"], rows[1]);
    }

    [Theory]
    [InlineData("Aylık kayıp oranı", "Aylık kayıp oranı (%)")]
    [InlineData("Monthly churn %", "Monthly churn %")]
    public void A_header_names_the_unit_once(string label, string header) =>
        Assert.Equal(header, SheetText.English.WithUnit(label, Dsl.Model.Unit.Percent));

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_stays_text()
    {
        var (_, rows) = Parse(ReportCsv.Block(SheetFixtures.Report("en-US"), "by_city"), English, ",");

        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[1][0]);
    }

    [Fact]
    public void The_separator_inside_a_value_is_quoted()
    {
        var table = new SheetTable("t", null, [new("a;b", ColumnType.Text, null)], [[new SheetCell("x;y", 0)]]);
        var text = new StringWriter();
        SpreadsheetCsv.Write(text, table, Turkish);

        Assert.Equal("\"a;b\"\r\n\"x;y\"\r\n", text.ToString());
    }

    [Fact]
    public void A_labelled_code_shows_its_name_as_on_the_page()
    {
        var reason = new ResultColumn("reason", ColumnType.Text) { Labels = new Dictionary<string, string> { ["ozellik_talebi"] = "Özellik talebi" } };
        var table = new ResultTable([reason, new ResultColumn("n", ColumnType.Integer)], [["ozellik_talebi", 3L], ["diğer", 1L]]);
        var sheet = SheetTable.Of("t", null, table, new CxReports.Rendering.Formatting.ValueFormatter("tr-TR"));

        Assert.Equal(["Özellik talebi", "diğer"], sheet.Rows.Select(r => r[0].Value));
    }

    /// <summary>The header and rows as a CSV parser reads them with the locale's delimiter.</summary>
    private static (string[] Header, List<string[]> Rows) Parse(byte[] bytes, CultureInfo culture, string delimiter)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(culture) { Delimiter = delimiter });
        csv.Read();
        csv.ReadHeader();
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        return (csv.HeaderRecord!, rows);
    }
}
