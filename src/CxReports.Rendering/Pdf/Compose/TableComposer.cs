using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>A result table as printed: labelled headers, dates as time buckets, numbers right-aligned with per-column decimals.</summary>
public static class TableComposer
{
    public static TableData Compose(ResultTable table, ValueFormatter format, string? title)
    {
        var columns = table.Columns.Select(c => new TableColumn(Header(c, format), IsNumeric(c) ? CellKind.Number : CellKind.Text)).ToList();
        var decimals = ValueFormatter.Decimals(table);
        var grains = table.Columns.Select(c => (c.Grain ?? TimeUnit.Day)).ToArray();
        var rows = table.Rows
            .Select((row, r) => table.Columns.Select((c, i) => new TableCell(format.Cell(row[i], c, decimals[i], grains[i]) + PartialMark(table, r, c))).ToArray())
            .ToList();
        return new TableData(columns, rows, title, format.Text.Continued);
    }

    /// <summary>A partial bucket's mark, after its name in the time column (the note under the table says what it means).</summary>
    private static string PartialMark(ResultTable table, int row, ResultColumn column) =>
        column.Grain is not null && table.Partial is { } partial && partial[row] ? " *" : "";

    /// <summary>The column's label; time dimensions in the report's language ("Ay", "Çeyrek").</summary>
    /// <summary>A column's heading; a snapshot of the whole period says its day ("Customers · at 31 Oct 2026").</summary>
    public static string Header(ResultColumn column, ValueFormatter format) =>
        Headings.Of(column, format) + (column.AsOf is { } day ? " · " + string.Format(format.Culture, format.Text.Words["as_of"], format.Date(day)) : "");

    public static bool IsNumeric(ResultColumn column) => column.Type is ColumnType.Number or ColumnType.Integer;
}
