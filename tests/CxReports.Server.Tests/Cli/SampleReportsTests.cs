using System.Text.Json;

namespace CxReports.Server.Tests.Cli;

/// <summary>Every sample report runs end to end on generated demo data, so a broken sample fails CI.</summary>
public sealed class SampleReportsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-samples-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Every_sample_report_evaluates_to_json_with_a_table_for_each_numeric_block_and_renders_to_pdf()
    {
        var root = CliRunner.RepositoryRoot();
        var reports = Path.Combine(root, "reports");
        Assert.Equal(0, CliRunner.Run(root, "demo", "--out", _data, "--customers", "300").Exit);
        var load = CliRunner.Run(root, "load", "--reports", reports, "--data", _data);
        Assert.True(load.Exit == 0, load.Out + load.Err);

        var names = Directory.GetFiles(reports, "*.cxr").Select(File.ReadAllText)
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, @"^report (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(5, names.Length);
        foreach (var name in names)
        {
            var run = CliRunner.Run(root, "run", name, "--reports", reports, "--data", _data, "--from", "2025-11-01", "--to", "2026-10-31");
            Assert.True(run.Exit == 0, $"{name}: {run.Err}");
            using var document = JsonDocument.Parse(run.Out);
            Assert.Equal(name, document.RootElement.GetProperty("report").GetString());
            var blocks = document.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray()).ToArray();
            Assert.NotEmpty(blocks);
            foreach (var block in blocks.Where(b => b.GetProperty("type").GetString() != "text"))
            {
                var columns = block.GetProperty("columns").GetArrayLength();
                Assert.All(block.GetProperty("rows").EnumerateArray(), row => Assert.Equal(columns, row.GetArrayLength()));
            }

            var pdf = Path.Combine(_data, name + ".pdf");
            var rendered = CliRunner.Run(root, "run", name, "--reports", reports, "--data", _data, "--from", "2025-11-01", "--to", "2026-10-31", "--format", "pdf", "-o", pdf);
            Assert.True(rendered.Exit == 0, $"{name}: {rendered.Err}");
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5));

            // The spreadsheets: one sheet per block with a table after the report sheet, one CSV file per such block.
            var tables = blocks.Where(b => b.GetProperty("type").GetString() != "text").Select(b => b.GetProperty("id").GetString()!).ToArray();
            var xlsx = Path.Combine(_data, name + ".xlsx");
            var workbook = CliRunner.Run(root, "run", name, "--reports", reports, "--data", _data, "--from", "2025-11-01", "--to", "2026-10-31", "--format", "xlsx", "-o", xlsx);
            Assert.True(workbook.Exit == 0, $"{name}: {workbook.Err}");
            using (var sheets = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false))
                Assert.Equal(tables.Length + 1, sheets.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);
            var zip = Path.Combine(_data, name + ".zip");
            var zipped = CliRunner.Run(root, "run", name, "--reports", reports, "--data", _data, "--from", "2025-11-01", "--to", "2026-10-31", "--format", "zip", "-o", zip);
            Assert.True(zipped.Exit == 0, $"{name}: {zipped.Err}");
            using (var archive = System.IO.Compression.ZipFile.OpenRead(zip))
                Assert.Equal(tables.Select(t => t + ".csv"), archive.Entries.Select(e => e.FullName));
        }

        // One block as CSV on stdout, in the tr-TR report's locale, without the byte order mark a file gets.
        var csv = CliRunner.Run(root, "run", "cx_roi", "--reports", reports, "--data", _data, "--from", "2025-11-01", "--to", "2026-10-31", "--format", "csv", "--block", "kpi_1");
        Assert.True(csv.Exit == 0, csv.Err);
        Assert.StartsWith("Gösterge;Değer;Önceki dönem;Değişim;Değişim (%)\r\n", csv.Out);
    }
}
