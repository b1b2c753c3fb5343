using CxReports.Engine.Reports;
using CxReports.Rendering.Pdf.Formatting;

namespace CxReports.Rendering.Sheets;

/// <summary>One block of a report as CSV in the report's locale (<see cref="SpreadsheetCsv"/>): a CSV file holds one table.</summary>
public static class ReportCsv
{
    public static byte[] Block(EvaluatedReport report, EvaluatedBlock block)
    {
        var format = new ValueFormatter(report.Locale);
        return SpreadsheetCsv.Bytes(SheetTable.Of(block, format), format.Culture);
    }
}
