using System.IO.Compression;
using CxReports.Rendering.Sheets;

namespace CxReports.Rendering.Tests.Sheets;

public sealed class ReportZipTests
{
    [Fact]
    public void The_zip_holds_one_csv_file_per_block_with_a_table_named_by_its_id()
    {
        var report = SheetFixtures.Report("tr-TR");
        using var zip = new ZipArchive(new MemoryStream(ReportZip.Render(report)));

        Assert.Equal(["kpi_1.csv", "by_city.csv"], zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            Assert.Equal(ReportCsv.Block(report, entry.Name[..^4]), content.ToArray());
        }
    }
}
