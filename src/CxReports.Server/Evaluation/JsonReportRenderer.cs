using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;

namespace CxReports.Server.Evaluation;

/// <summary>The report JSON document of architecture.md, compact, as the HTTP API serves it.</summary>
public sealed class JsonReportRenderer : IReportFormatter
{
    public string Format => "json";
    public string ContentType => "application/json";

    public byte[] Render(EvaluatedReport report) => System.Text.Encoding.UTF8.GetBytes(Rendering.Json.ReportJson.ToJson(report, indented: false));
}
