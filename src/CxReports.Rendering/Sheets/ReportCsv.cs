using CxReports.Engine.Reports;
using CxReports.Rendering.Formatting;

namespace CxReports.Rendering.Sheets;

/// <summary>One block of a report as CSV in the report's locale (<see cref="SpreadsheetCsv"/>): a CSV file holds one table.</summary>
public static class ReportCsv
{
    /// <summary>The block <paramref name="id"/>: one the caller checked with <see cref="ReportBlocks.Choose"/>.</summary>
    public static byte[] Block(EvaluatedReport report, string id) =>
        Block(report, ReportBlocks.Tables(report).Single(b => b.Id == id));

    /// <summary>The report's only table; asking a report of several tables for one CSV is a bug of the caller.</summary>
    public static byte[] Only(EvaluatedReport report)
    {
        var tables = ReportBlocks.Tables(report).ToArray();
        return tables.Length == 1 ? Block(report, tables[0]) : throw new InvalidOperationException(ReportBlocks.Choose(report.Report, tables.Select(t => t.Id).ToArray(), null).Problem);
    }

    public static byte[] Block(EvaluatedReport report, EvaluatedBlock block)
    {
        var format = new ValueFormatter(report.Locale);
        return SpreadsheetCsv.Bytes(SheetTable.Of(block, format), format.Culture);
    }
}
