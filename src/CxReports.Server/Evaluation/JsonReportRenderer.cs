using System.Text.Json;
using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;

namespace CxReports.Server.Evaluation;

/// <summary>The report JSON document of architecture.md, compact, as the HTTP API serves it.</summary>
public sealed class JsonReportRenderer : IReportFormatter
{
    public string Format => "json";
    public string ContentType => "application/json";

    /// <summary>Written as UTF-8 bytes directly: no string of twice the size on the way.</summary>
    public byte[] Render(EvaluatedReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) Rendering.Json.ReportJson.Write(json, report);
        return stream.ToArray();
    }
}
