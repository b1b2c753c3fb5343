using CxReports.Engine.Reports;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Turns an evaluated report into a document of one format (<c>json</c>, <c>pdf</c>). The server serves a format
/// only when a renderer for it is registered; renderers only read the evaluated report.
/// </summary>
public interface IReportDocumentRenderer
{
    /// <summary>The format name used in routes: <c>json</c>, <c>pdf</c>.</summary>
    string Format { get; }

    string ContentType { get; }

    byte[] Render(EvaluatedReport report);
}

/// <summary>The report JSON document of architecture.md, compact.</summary>
public sealed class JsonReportRenderer : IReportDocumentRenderer
{
    public string Format => "json";
    public string ContentType => "application/json";

    public byte[] Render(EvaluatedReport report) => System.Text.Encoding.UTF8.GetBytes(Rendering.Json.ReportJson.ToJson(report, indented: false));
}
