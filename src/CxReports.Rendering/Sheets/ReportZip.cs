using System.IO.Compression;
using CxReports.Engine.Reports;

namespace CxReports.Rendering.Sheets;

/// <summary>
/// Every block with a table as its own CSV file (<c>kpi_1.csv</c>, <c>churn_by_plan.csv</c>: block ids are
/// identifiers, so they are safe file names) in one zip, each as <see cref="SpreadsheetCsv"/> writes it.
/// </summary>
public static class ReportZip
{
    public const string ContentType = "application/zip";

    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Render(EvaluatedReport report)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var block in ReportBlocks.Tables(report))
            {
                var entry = zip.CreateEntry(block.Id + ".csv", CompressionLevel.Optimal);
                // The report's time, not the clock's: the same report gives the same bytes. Zip dates start in 1980.
                entry.LastWriteTime = report.GeneratedAt < ZipEpoch ? ZipEpoch : report.GeneratedAt;
                using var output = entry.Open();
                output.Write(ReportCsv.Block(report, block));
            }
        }
        return stream.ToArray();
    }
}
