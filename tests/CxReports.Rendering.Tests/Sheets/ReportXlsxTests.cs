using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Sheets;
using CxReports.Rendering.Tests.Pdf;

namespace CxReports.Rendering.Tests.Sheets;

public sealed class ReportXlsxTests
{
    [Fact]
    public void A_report_sheet_comes_first_then_one_sheet_per_block_with_a_table_named_by_its_title()
    {
        using var workbook = new Workbook(ReportXlsx.Render(SheetFixtures.Report("tr-TR")));

        // The text block has no table; the KPI block has no title, so its id names it; ':' and '/' are not allowed.
        Assert.Equal(["Rapor", "kpi_1", "Churn by city İzmir İstanbul"], workbook.SheetNames);
    }

    [Fact]
    public void The_workbook_is_valid_office_open_xml()
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(ReportXlsx.Render(SheetFixtures.Report("tr-TR"))), false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public void Cells_hold_real_numbers_and_dates_with_number_formats_under_labelled_headers()
    {
        using var workbook = new Workbook(ReportXlsx.Render(SheetFixtures.Report("tr-TR")));
        var sheet = workbook.Sheet("Churn by city İzmir İstanbul");

        Assert.Equal(["Şehir", "Ay", "Aylık kayıp oranı (%)", "Aktif müşteri", "LTV", SheetFixtures.EveryTurkishLetter], sheet[0].Select(c => c.Value));
        Assert.All(sheet[0], c => Assert.True(c.Bold));
        var first = sheet[1];
        Assert.Equal(new XlsxCell("İzmir", null, false), first[0]);
        // 2025-01-01 is day 45,658 after Excel's epoch 1899-12-30; months named in Turkish (LCID 0x41F).
        Assert.Equal(new XlsxCell(45658.0, "[$-41F]mmm yyyy", false), first[1]);
        // Percent: the number the page shows (1.87 → 1.9) with one decimal, "%" in the header.
        Assert.Equal(new XlsxCell(1.9, "#,##0.0", false), first[2]);
        Assert.Equal(new XlsxCell(1468.0, "#,##0", false), first[3]);
        Assert.Equal(new XlsxCell(5871.0, "#,##0", false), first[4]);
        Assert.Equal(new XlsxCell(12.3, "#,##0.0", false), first[5]);
        Assert.Null(sheet[2][2].Value); // undefined is an empty cell, not 0
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet[2][0].Value); // text, never a formula
    }

    [Fact]
    public void A_kpi_block_is_one_row_per_metric_each_with_its_own_format()
    {
        using var workbook = new Workbook(ReportXlsx.Render(SheetFixtures.Report("en-US")));
        var sheet = workbook.Sheet("kpi_1");

        Assert.Equal(["Metric", "Value", "Previous period", "Change", "Change (%)"], sheet[0].Select(c => c.Value));
        Assert.Equal([new("Aylık kayıp oranı (%)", null, false), new(1.9, "#,##0.0", false), new(2.8, "#,##0.0", false), new(-0.9, "#,##0.0", false),
            new XlsxCell(null, null, false)], sheet[1]);
        // 100 · 68 / 1400 = 4.857… shown with one decimal, as the PDF's "+4.9%".
        Assert.Equal([new("Aktif müşteri", null, false), new(1468.0, "#,##0", false), new(1400.0, "#,##0", false), new(68.0, "#,##0", false),
            new XlsxCell(4.9, "#,##0.0", false)], sheet[2]);
    }

    [Fact]
    public void The_report_sheet_states_title_period_parameters_data_version_and_when_it_was_made()
    {
        using var workbook = new Workbook(ReportXlsx.Render(SheetFixtures.Report("en-US")));
        var rows = workbook.Sheet("Report").ToDictionary(r => (string)r[0].Value!, r => r[1]);

        Assert.Equal("Müşteri sağlığı", rows["Title"].Value);
        Assert.Equal(new XlsxCell(45658.0, "yyyy-mm-dd", false), rows["From"]); // 2025-01-01
        Assert.Equal(new XlsxCell(46022.0, "yyyy-mm-dd", false), rows["To"]); // 2025-12-31
        Assert.Equal("all", rows["Parameter: plan"].Value);
        Assert.Equal("16bf1e40c7c6", rows["Data version"].Value);
        // Generated 2026-01-05 08:00 UTC is 11:00 in Istanbul: day 46,027 and 11/24 of a day.
        var generated = rows["Generated (Europe/Istanbul)"];
        Assert.Equal("yyyy-mm-dd hh:mm", generated.Format);
        Assert.Equal(46027 + 11 / 24.0, (double)generated.Value!, 6);
    }

    [Fact]
    public void Text_a_cell_cannot_hold_is_made_storable()
    {
        var control = "a\u0001b\u0000c";
        var longText = new string('x', ReportXlsx.MaxCellText + 10);
        var report = Reports.Report("t", [Reports.Section("s", new EvaluatedBlock("notes", "table", "Notes", new ResultTable(
            [new ResultColumn("note", ColumnType.Text)], [[control], [longText]])))]);

        using var workbook = new Workbook(ReportXlsx.Render(report));
        var sheet = workbook.Sheet("Notes");

        Assert.Equal("a\uFFFDb\uFFFDc", sheet[1][0].Value);
        var cut = (string)sheet[2][0].Value!;
        Assert.Equal(ReportXlsx.MaxCellText, cut.Length);
        Assert.EndsWith("x…", cut);
    }

    [Fact]
    public void A_table_longer_than_an_excel_sheet_is_refused_naming_its_block()
    {
        object?[] row = ["x"];
        var report = Reports.Report("t", [Reports.Section("s", new EvaluatedBlock("by_day", "table", null, new ResultTable(
            [new ResultColumn("day", ColumnType.Text)], Enumerable.Repeat(row, ReportXlsx.MaxRows).ToList())))]);

        var refused = Assert.Throws<SpreadsheetLimitException>(() => ReportXlsx.Render(report));

        Assert.Equal("by_day", refused.Block);
        Assert.Equal("block 'by_day' has 1,048,576 rows; an Excel sheet holds 1,048,575 below its header", refused.Message);
    }

    [Fact]
    public void Two_blocks_with_the_same_long_title_get_distinct_names_within_excels_31_characters()
    {
        const string title = "Churn by plan and region over the last twelve months";
        var block = Reports.Table(title, 2);
        var report = Reports.Report("t", [Reports.Section("s", block, block with { Id = "table_2" })]);

        using var workbook = new Workbook(ReportXlsx.Render(report));

        Assert.Equal(["Report", "Churn by plan and region over t", "Churn by plan and region ov (2)"], workbook.SheetNames);
    }
}
