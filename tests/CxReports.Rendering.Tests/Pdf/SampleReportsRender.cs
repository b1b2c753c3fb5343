using System.Text.RegularExpressions;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>
/// Renders report JSON documents (from <c>cxr run REPORT</c>) to PDF so they can be looked at: set CXR_SAMPLE_JSON to a
/// folder of NAME.json files (and CXR_SAMPLE_REPORTS to the .cxr folder for each report's locale); PDFs are written
/// next to them. scripts/render-samples.sh uses this until <c>cxr run --format pdf</c> exists. Does nothing otherwise.
/// </summary>
public class SampleReportsRender
{
    [Fact]
    public void Renders_sample_report_json_when_asked()
    {
        var folder = Environment.GetEnvironmentVariable("CXR_SAMPLE_JSON");
        if (string.IsNullOrEmpty(folder)) return;
        var reports = Environment.GetEnvironmentVariable("CXR_SAMPLE_REPORTS");
        foreach (var json in Directory.GetFiles(folder, "*.json"))
        {
            var report = ReportJsonReader.Read(File.ReadAllText(json));
            // The JSON document does not carry the locale; the report file does.
            var source = reports is null ? null : Path.Combine(reports, report.Report + ".cxr");
            if (source is not null && File.Exists(source) && Regex.Match(File.ReadAllText(source), "locale\\s+\"([^\"]+)\"") is { Success: true } m)
                report = report with { Locale = m.Groups[1].Value };
            File.WriteAllBytes(Path.ChangeExtension(json, ".pdf"), PdfRenderer.Render(report));
        }
    }
}
