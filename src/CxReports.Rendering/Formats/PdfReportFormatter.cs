using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Rendering.Pdf;

namespace CxReports.Rendering.Formats;

/// <summary>The report as a PDF document (A4 portrait), for deliveries, <c>cxr run --format pdf</c> and the HTTP route.</summary>
public sealed class PdfReportFormatter : IReportFormatter
{
    public string Format => "pdf";
    public string ContentType => "application/pdf";
    public byte[] Render(EvaluatedReport report) => PdfRenderer.Render(report);
}
