using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using CxReports.Server.Delivery;

namespace CxReports.Server.Tests.Delivery;

/// <summary>A warehouse with a run log, an evaluated report and a runner over real channels, in a temp directory.</summary>
internal sealed class DeliveryFixture : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cxr-delivery-").FullName;
    public DuckDbWarehouse Warehouse { get; }
    public RunLog Log { get; }
    public static readonly DateTimeOffset Slot = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    public DeliveryFixture()
    {
        Warehouse = DuckDbWarehouse.Open(new WarehouseOptions(Path.Combine(Directory, "data")));
        Log = new RunLog(Warehouse).EnsureCreated();
    }

    public static ReportModel Report(DeliveryKind kind, string target, DeliveryFormat[] formats, string? subject = null, string? file = null) => new(
        "cx_weekly", "CX Weekly", null, new FixedPeriodModel(new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 1)), null, TimeZoneInfo.Utc, System.Globalization.CultureInfo.GetCultureInfo("en-US"), [], [],
        new ScheduleModel("0 8 * * MON", Cronos.CronExpression.Parse("0 8 * * MON"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"), false, [new DeliveryModel(kind, [target], formats, subject, file, default)], default), [], default);

    public static EvaluatedReport Evaluated() => new("cx_weekly", "CX Weekly", "Loyalty at a glance", DateTimeOffset.UnixEpoch,
        new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 1), "week", "UTC", "en-US", new Dictionary<string, object?>(), "abc123",
        [new EvaluatedSection("Loyalty", [new EvaluatedBlock("kpi_1", "kpi", null, new ResultTable(KpiTable.Columns,
            [
                [.. KpiTable.Row("nps", 41.5, 38.0, 3.5, Meaning.Of(Unit.Score, Direction.HigherIsBetter))],
                [.. KpiTable.Row("churn", 1.87, 2.73, 1.87 - 2.73, Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Aylık müşteri kaybı %"))],
            ]))])]);

    public ReportRunner Runner(IDeliveryChannel channel, int attempts = 3, EvaluatedReport? evaluated = null) => new(Log, (_, _) => evaluated ?? Evaluated(),
        DeliveryFormats.All, [channel], TimeProvider.System,
        new RetryPolicy(attempts, TimeSpan.Zero, TimeSpan.Zero));

    public void Dispose()
    {
        Warehouse.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
