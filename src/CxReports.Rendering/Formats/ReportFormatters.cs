using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Rendering.Json;
using CxReports.Rendering.Sheets;

namespace CxReports.Rendering.Formats;

/// <summary>
/// The evaluated-report JSON document: indented as a delivery attachment or webhook body, compact as the HTTP API
/// serves it.
/// </summary>
public sealed class JsonReportFormatter(bool indented = true) : IReportFormatter
{
    public string Format => "json";
    public string ContentType => "application/json";
    public byte[] Render(EvaluatedReport report) => ReportJson.Bytes(report, indented);
}

/// <summary>
/// The report's tables as CSV in its locale, one file per block with a table (a CSV file holds one table):
/// <c>cx_2025-03-03_kpi_1.csv</c>.
/// </summary>
public sealed class CsvReportFormatter : IReportFormatter
{
    public string Format => "csv";
    public string ContentType => SpreadsheetCsv.ContentType;

    /// <summary>The report's one table; a report of several has no single CSV (<see cref="Files"/>, or ask for a block).</summary>
    public byte[] Render(EvaluatedReport report) => ReportCsv.Only(report);

    public IReadOnlyList<FormattedFile> Files(EvaluatedReport report) =>
        ReportBlocks.Tables(report).Select(b => new FormattedFile(b.Id, ReportCsv.Block(report, b))).ToArray();
}

/// <summary>The report as an Excel workbook: a report sheet, then one sheet per block (<see cref="ReportXlsx"/>).</summary>
public sealed class XlsxReportFormatter : IReportFormatter
{
    public string Format => "xlsx";
    public string ContentType => ReportXlsx.ContentType;
    public byte[] Render(EvaluatedReport report) => ReportXlsx.Render(report);
}

/// <summary>The report's tables as one zip with a CSV file per block (<see cref="ReportZip"/>).</summary>
public sealed class ZipReportFormatter : IReportFormatter
{
    public string Format => "zip";
    public string ContentType => ReportZip.ContentType;
    public byte[] Render(EvaluatedReport report) => ReportZip.Render(report);
}
