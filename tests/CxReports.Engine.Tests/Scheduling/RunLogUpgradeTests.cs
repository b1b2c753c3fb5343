using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Scheduling;

/// <summary>A warehouse whose delivery log was made before deliveries were numbered keeps its history and its order.</summary>
public sealed class RunLogUpgradeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cxr-runlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Deliveries_recorded_before_the_sequence_existed_stay_first_and_the_last_state_is_the_newest()
    {
        var slot = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_dir));
        // The table as the first release made it (no seq column), with two attempts of one delivery.
        warehouse.Execute($"""
            CREATE TABLE {RunLog.Deliveries} (run_id VARCHAR NOT NULL, report VARCHAR NOT NULL, scheduled_for TIMESTAMP NOT NULL,
                kind VARCHAR NOT NULL, target VARCHAR NOT NULL, attempt INTEGER NOT NULL, status VARCHAR NOT NULL, error VARCHAR,
                attempted_at TIMESTAMP NOT NULL, idempotency_key VARCHAR NOT NULL)
            """);
        foreach (var status in new[] { "sending", "failed" })
            warehouse.Execute($"INSERT INTO {RunLog.Deliveries} VALUES ('run1', 'r', $1, 'email', 'a@example.com', 1, $2, NULL, $1, 'key1')",
                slot.UtcDateTime, status);

        var log = new RunLog(warehouse).EnsureCreated();
        Assert.Equal("failed", log.DeliveryState("key1")?.ToText());
        log.RecordDelivery(new DeliveryRecord("run1", "r", slot, "email", "a@example.com", 0, DeliveryStatus.InDoubt, null, slot, "key1"));

        Assert.Equal("in_doubt", log.DeliveryState("key1")?.ToText());
        Assert.Equal(["sending", "failed", "in_doubt"], log.DeliveriesOf("run1").Select(d => d.Status.ToText()));
    }
}
