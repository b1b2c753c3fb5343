using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxReports.Rendering.Tests.Sheets;

/// <summary>An .xlsx file read back with the Open XML SDK: sheet names, and each cell's kind, value and number format.</summary>
public sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public Workbook(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public void Dispose() => _document.Dispose();

    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();

    /// <summary>The cells of a sheet, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<XlsxCell>> Sheet(string name)
    {
        var workbook = _document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => (IReadOnlyList<XlsxCell>)r.Elements<Cell>().Select(Read).ToArray()).ToArray();
    }

    private XlsxCell Read(Cell cell)
    {
        var styles = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = cell.StyleIndex?.Value is { } index ? styles.CellFormats!.Elements<CellFormat>().ElementAt((int)index) : null;
        var code = format?.NumberFormatId?.Value is { } id and >= 164
            ? styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == id).FormatCode!.Value
            : null;
        var bold = format?.FontId?.Value is { } font && styles.Fonts!.Elements<Font>().ElementAt((int)font).Bold is not null;
        object? value = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
            : cell.DataType?.Value == CellValues.Boolean ? cell.CellValue!.Text == "1"
            : cell.CellValue is { } number ? double.Parse(number.Text, CultureInfo.InvariantCulture)
            : null;
        return new XlsxCell(value, code, bold);
    }
}

/// <summary>A cell read back: a string, a double (numbers and dates), a bool or null; its number format code; whether bold.</summary>
public sealed record XlsxCell(object? Value, string? Format, bool Bold);
