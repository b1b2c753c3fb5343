using CxReports.Engine.Scheduling;
using CxReports.Dsl.Model;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxReports.Server.Tests.Delivery;

public sealed class FolderDeliveryTests : IDisposable
{
    private readonly DeliveryFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Documents_land_under_the_output_root_with_the_pattern_filled_in_and_no_temporary_files()
    {
        var root = Path.Combine(_fixture.Directory, "out");
        var channel = new FolderChannel(new DeliveryOptions { OutputRoot = root });
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "cx", [DeliveryFormat.Json, DeliveryFormat.Csv], file: "weekly_{period}.pdf");

        var outcome = await _fixture.Runner(channel).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        Assert.Equal(["weekly_2026-02-23_2026-03-01_kpi_1.csv", "weekly_2026-02-23_2026-03-01.json"],
            Directory.GetFiles(Path.Combine(root, "cx")).Select(Path.GetFileName).Order());
        Assert.Contains("\"title\": \"CX Weekly\"", File.ReadAllText(Path.Combine(root, "cx", "weekly_2026-02-23_2026-03-01.json")));
    }

    [Fact]
    public async Task A_spreadsheet_delivery_writes_a_workbook_with_real_numbers_and_a_zip_with_one_csv_per_block()
    {
        var root = Path.Combine(_fixture.Directory, "out");
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "cx", [DeliveryFormat.Xlsx, DeliveryFormat.Zip]);

        var outcome = await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root })).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        Assert.Equal(["cx_weekly_2026-03-02.xlsx", "cx_weekly_2026-03-02.zip"], Directory.GetFiles(Path.Combine(root, "cx")).Select(Path.GetFileName).Order());
        using (var workbook = SpreadsheetDocument.Open(Path.Combine(root, "cx", "cx_weekly_2026-03-02.xlsx"), false))
        {
            var part = workbook.WorkbookPart!;
            var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToArray();
            Assert.Equal(["Report", "kpi_1"], sheets.Select(s => s.Name!.Value));
            var rows = ((WorksheetPart)part.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().ToArray();
            // The churn row: its label (which names its unit already), then 1.87 shown with one decimal as a number, not text.
            var churn = rows[2].Elements<Cell>().ToArray();
            Assert.Equal("Aylık müşteri kaybı %", churn[0].InnerText);
            Assert.Equal(CellValues.Number, churn[1].DataType!.Value);
            Assert.Equal("1.9", churn[1].CellValue!.Text);
        }
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(root, "cx", "cx_weekly_2026-03-02.zip"));
        Assert.Equal(["kpi_1.csv"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Without_a_pattern_the_file_is_named_after_the_report_and_the_slot_date_in_the_schedule_zone()
    {
        var root = Path.Combine(_fixture.Directory, "out");
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "cx", [DeliveryFormat.Json]);

        await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root })).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        // 05:00 UTC is 08:00 in Istanbul on the same day.
        Assert.True(File.Exists(Path.Combine(root, "cx", "cx_weekly_2026-03-02.json")));
    }

    [Fact]
    public async Task A_folder_that_leaves_the_output_root_is_refused_and_recorded_as_failed()
    {
        var channel = new FolderChannel(new DeliveryOptions { OutputRoot = Path.Combine(_fixture.Directory, "out") });
        var outcome = await _fixture.Runner(channel).RunAsync(DeliveryFixture.Report(DeliveryKind.Folder, "../escape", [DeliveryFormat.Json]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        Assert.Equal("refused: \"../escape/cx_weekly_2026-03-02.json\": '..' would leave the output root; nothing was written", outcome.Deliveries.Last().Error);
        Assert.False(Directory.Exists(Path.Combine(_fixture.Directory, "escape")));
    }

    [Fact]
    public async Task A_file_pattern_that_climbs_out_is_refused_at_delivery_too_and_nothing_is_written()
    {
        // The binder refuses this pattern; a model built another way meets the same policy when the path is resolved.
        var root = Path.Combine(_fixture.Directory, "out");
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "x", [DeliveryFormat.Json], file: "{report}/../../../pwn.json");

        var outcome = await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root })).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        Assert.Equal("refused: \"x/cx_weekly/../../../pwn.json\": '..' would leave the output root; nothing was written", outcome.Deliveries.Last().Error);
        Assert.Empty(Directory.GetFiles(_fixture.Directory, "pwn*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_folder_inside_the_output_root_that_is_a_symlink_to_outside_is_a_failed_delivery_and_nothing_is_written()
    {
        var root = Directory.CreateDirectory(Path.Combine(_fixture.Directory, "out")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_fixture.Directory, "elsewhere")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "cx"), outside);

        var outcome = await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root }))
            .RunAsync(DeliveryFixture.Report(DeliveryKind.Folder, "cx", [DeliveryFormat.Json]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        var attempt = Assert.Single(outcome.Deliveries, d => d.Status.ToText() == "failed");
        Assert.Equal(1, attempt.Attempt);
        Assert.Equal($"refused: \"cx/cx_weekly_2026-03-02.json\" leads through a symbolic link to {Path.Combine(outside, "cx_weekly_2026-03-02.json")}, " +
                     $"outside the output root {root}; nothing was written", attempt.Error);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    [Fact]
    public async Task A_delivered_file_name_that_is_a_symlink_to_outside_is_refused_and_the_outside_file_is_untouched()
    {
        var root = Directory.CreateDirectory(Path.Combine(_fixture.Directory, "out", "cx")).Parent!.FullName;
        var victim = Path.Combine(_fixture.Directory, "victim.json");
        File.WriteAllText(victim, "original");
        File.CreateSymbolicLink(Path.Combine(root, "cx", "cx_weekly_2026-03-02.json"), victim);

        var outcome = await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root }))
            .RunAsync(DeliveryFixture.Report(DeliveryKind.Folder, "cx", [DeliveryFormat.Json]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        Assert.StartsWith("refused: \"cx/cx_weekly_2026-03-02.json\" leads through a symbolic link to ", outcome.Deliveries.Last().Error);
        Assert.Equal("original", File.ReadAllText(victim));
        Assert.Equal(victim, new FileInfo(Path.Combine(root, "cx", "cx_weekly_2026-03-02.json")).LinkTarget);
    }

    [Fact]
    public async Task A_file_pattern_with_a_subfolder_creates_it_under_the_delivery_folder()
    {
        var root = Path.Combine(_fixture.Directory, "out");
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "cx", [DeliveryFormat.Json], file: "{report}/{date}");

        var outcome = await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root })).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        Assert.True(File.Exists(Path.Combine(root, "cx", "cx_weekly", "2026-03-02.json")));
    }
}
