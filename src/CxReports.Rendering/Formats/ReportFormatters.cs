using System.Text;
using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Rendering.Csv;
using CxReports.Rendering.Json;

namespace CxReports.Rendering.Formats;

/// <summary>The evaluated-report JSON document as a delivery attachment or webhook body.</summary>
public sealed class JsonReportFormatter : IReportFormatter
{
    public string Format => "json";
    public string ContentType => "application/json";
    public byte[] Render(EvaluatedReport report) => Encoding.UTF8.GetBytes(ReportJson.ToJson(report));
}

/// <summary>The report's tables as CSV.</summary>
public sealed class CsvReportFormatter : IReportFormatter
{
    public string Format => "csv";
    public string ContentType => "text/csv";

    public byte[] Render(EvaluatedReport report)
    {
        var text = new StringWriter();
        ReportCsv.Write(text, report);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
