using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CxReports.Engine.Reports;
using CxReports.Rendering.Pdf;

namespace CxReports.Benchmarks;

/// <summary>
/// A ten-page report to PDF: natively (SkiaSharp PDF + ScottPlot, <see cref="PdfRenderer"/>) against the baseline of
/// printing the equivalent HTML with headless Chromium, one process per PDF as a delivery would start it.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- --filter '*PdfRendering*'
/// (needs Debian's chromium for the baseline).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 6)]
public class PdfRenderingBenchmark
{
    private EvaluatedReport _report = null!;
    private string _work = "";
    private string _html = "";

    [GlobalSetup]
    public void Setup()
    {
        _report = TenPageReport.Create();
        _work = Directory.CreateTempSubdirectory("cxr-bench-pdf").FullName;
        _html = Path.Combine(_work, "report.html");
        File.WriteAllText(_html, ReportHtml.Create(_report));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark]
    public int Native() => PdfRenderer.Render(_report).Length;

    [Benchmark(Baseline = true)]
    public int HeadlessChromium() => ChromiumPrint.ToPdf(_html, Path.Combine(_work, "chromium.pdf"), Path.Combine(_work, "profile")).Length;
}

/// <summary>Prints an HTML file to PDF with a new headless Chromium process.</summary>
public static class ChromiumPrint
{
    public static byte[] ToPdf(string html, string pdf, string profile)
    {
        var start = new ProcessStartInfo("chromium",
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", $"--user-data-dir={profile}",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri,
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {process.ExitCode}");
        return File.ReadAllBytes(pdf);
    }
}
