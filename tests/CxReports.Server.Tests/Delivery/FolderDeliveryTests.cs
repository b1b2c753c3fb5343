using CxReports.Dsl.Binding.Model;
using CxReports.Server.Delivery;

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
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "cx", ["json", "csv"], file: "weekly_{period}.pdf");

        var outcome = await _fixture.Runner(channel).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status);
        Assert.Equal(["weekly_2026-02-23_2026-03-01.csv", "weekly_2026-02-23_2026-03-01.json"],
            Directory.GetFiles(Path.Combine(root, "cx")).Select(Path.GetFileName).Order());
        Assert.Contains("\"title\": \"CX Weekly\"", File.ReadAllText(Path.Combine(root, "cx", "weekly_2026-02-23_2026-03-01.json")));
    }

    [Fact]
    public async Task Without_a_pattern_the_file_is_named_after_the_report_and_the_slot_date_in_the_schedule_zone()
    {
        var root = Path.Combine(_fixture.Directory, "out");
        var report = DeliveryFixture.Report(DeliveryKind.Folder, "cx", ["json"]);

        await _fixture.Runner(new FolderChannel(new DeliveryOptions { OutputRoot = root })).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        // 05:00 UTC is 08:00 in Istanbul on the same day.
        Assert.True(File.Exists(Path.Combine(root, "cx", "cx_weekly_2026-03-02.json")));
    }

    [Fact]
    public async Task A_folder_that_leaves_the_output_root_is_refused_and_recorded_as_failed()
    {
        var channel = new FolderChannel(new DeliveryOptions { OutputRoot = Path.Combine(_fixture.Directory, "out") });
        var outcome = await _fixture.Runner(channel).RunAsync(DeliveryFixture.Report(DeliveryKind.Folder, "../escape", ["json"]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status);
        Assert.Contains("outside the output root", outcome.Deliveries.Last().Error);
        Assert.False(Directory.Exists(Path.Combine(_fixture.Directory, "escape")));
    }
}
