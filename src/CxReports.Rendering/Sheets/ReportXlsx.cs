using System.Globalization;
using System.Text;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxReports.Rendering.Sheets;

/// <summary>
/// The report as an Excel workbook: a first sheet with title, period, parameters, data version and when it was made,
/// then one sheet per block with a table, named after the block's title (its id when it has none). Cells hold real
/// numbers and dates with number formats, rounded as the page shows them. A percentage is stored as the number the
/// page shows (12.5 for 12.5%) with a decimal format and "(%)" in the header, as in the CSV and the JSON: one number
/// everywhere, and a KPI's change of a percentage is in points, which a % format would misstate.
/// </summary>
public static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's rows per sheet, the header included.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Excel's characters per cell.</summary>
    public const int MaxCellText = 32_767;

    public static byte[] Render(EvaluatedReport report)
    {
        foreach (var block in ReportBlocks.Tables(report).Where(b => b.Table!.Rows.Count + 1 > MaxRows))
            throw new SpreadsheetLimitException(block.Id, string.Create(CultureInfo.InvariantCulture,
                $"block '{block.Id}' has {block.Table!.Rows.Count:N0} rows; an Excel sheet holds {MaxRows - 1:N0} below its header"));
        var format = new ValueFormatter(report.Locale);
        var tables = ReportBlocks.Tables(report).Select(b => SheetTable.Of(b, format)).ToArray();

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            var styles = new XlsxStyles(format.Culture);
            var names = new SheetNames();
            var text = format.Text.Sheet;

            Add(workbook, sheets, names.Take(text.ReportSheet, "Report"), ReportSheet(report, format, text), styles);
            foreach (var table in tables) Add(workbook, sheets, names.Take(table.Title, table.BlockId), table, styles);

            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Stylesheet();
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The first sheet: what the report is, for which period and parameters, from which data, made when.</summary>
    private static SheetTable ReportSheet(EvaluatedReport report, ValueFormatter format, SheetText text)
    {
        var rows = new List<SheetCell[]>
        {
            Row(text.Report, report.Report), Row(text.Title, report.Title),
        };
        if (report.Description is { } description) rows.Add(Row(text.Description, description));
        rows.Add(Row(text.From, report.From));
        rows.Add(Row(text.To, report.To));
        if (report.Grain is { } grain) rows.Add(Row(text.Grain, format.Text.Words.TryGetValue(grain, out var word) ? word : grain));
        rows.Add(Row(text.TimeZone, report.TimeZone));
        rows.Add(Row(text.Locale, report.Locale));
        foreach (var (name, value) in report.Params) rows.Add(Row($"{text.Parameter}: {name}", value));
        rows.Add(Row(text.DataVersion, report.DataVersion));
        rows.Add(Row($"{text.Generated} ({report.TimeZone})", Local(report.GeneratedAt, report.TimeZone)));
        return new SheetTable("report", text.ReportSheet, [new("", ColumnType.Text, null), new("", ColumnType.Text, null)], rows);
    }

    private static SheetCell[] Row(string label, object? value) => [new(label, 0), new(value, 0)];

    /// <summary>The moment in the report's time zone, as Excel keeps times: without a zone (the row's label names it).</summary>
    private static DateTime Local(DateTimeOffset at, string timeZone)
    {
        try { return TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return at.UtcDateTime; }
    }

    private static void Add(WorkbookPart workbook, DocumentFormat.OpenXml.Spreadsheet.Sheets sheets, string name, SheetTable table, XlsxStyles styles)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var headed = table.Columns.Any(c => c.Header.Length > 0);
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new Columns(table.Columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true, Width = Width(c, table.Rows.Select(r => r[i])),
            })));
            writer.WriteStartElement(new SheetData());
            if (headed)
            {
                writer.WriteStartElement(new Row());
                foreach (var column in table.Columns) writer.WriteElement(TextCell(column.Header, styles.Header));
                writer.WriteEndElement();
            }
            foreach (var row in table.Rows)
            {
                writer.WriteStartElement(new Row());
                for (var i = 0; i < row.Length; i++) writer.WriteElement(Cell(row[i], table.Columns[i], styles));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Cell Cell(SheetCell cell, SheetColumn column, XlsxStyles styles) => cell.Value switch
    {
        null => new Cell(),
        double d => NumberCell(d, styles.Number(cell.Decimals)),
        long l => NumberCell(l, styles.Number(0)),
        DateOnly date => NumberCell(Serial(date.ToDateTime(TimeOnly.MinValue)), styles.Date(column.Grain)),
        DateTime moment => NumberCell(Serial(moment), styles.Moment),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b) },
        string s => TextCell(s, 0),
        var other => TextCell(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell NumberCell(double value, uint style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell TextCell(string text, uint style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Storable(text)) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    /// <summary>Days since Excel's epoch (1899-12-30, which absorbs its 1900 leap-year bug), with the time as a fraction.</summary>
    private static double Serial(DateTime moment) => (moment - new DateTime(1899, 12, 30)).TotalDays;

    /// <summary>
    /// Text as a cell can hold it: characters XML 1.0 forbids (most control characters, lone surrogates) become
    /// U+FFFD, and text past Excel's 32,767 characters is cut with an ellipsis.
    /// </summary>
    private static string Storable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxCellText));
        for (var i = 0; i < text.Length && builder.Length <= MaxCellText; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c) || (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF') builder.Append('\uFFFD');
            else builder.Append(c);
        }
        if (builder.Length <= MaxCellText) return builder.ToString();
        var cut = char.IsHighSurrogate(builder[MaxCellText - 2]) ? MaxCellText - 2 : MaxCellText - 1;
        return builder.ToString(0, cut) + "…";
    }

    /// <summary>Roughly as wide as its longest value or header, between 8 and 60 characters.</summary>
    private static double Width(SheetColumn column, IEnumerable<SheetCell> cells) =>
        Math.Clamp(cells.Take(1000).Select(c => c.Value switch
        {
            string s => s.Length,
            double or long => 12,
            DateOnly or DateTime => 16,
            _ => 4,
        }).Append(column.Header.Length).Max() + 2, 8, 60);
}
