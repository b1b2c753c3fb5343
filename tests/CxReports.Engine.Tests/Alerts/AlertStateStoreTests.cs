using CxReports.Engine.Alerts;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Alerts;

/// <summary>Alert states kept in the warehouse: written, replaced per segment, read back whole, on each engine.</summary>
public abstract class AlertStateStoreTests(TestEngine engine) : EngineTests(engine)
{
    [Fact]
    public void States_are_replaced_per_segment_and_read_back_with_their_times_and_undefined_values()
    {
        using var w = Load("source s from \"s.csv\" {\n  column x\n}", ("s.csv", "x\n1\n"));
        var store = new AlertStateStore(new DirectWarehouseAccess(w.Warehouse)).EnsureCreated();
        store.EnsureCreated(); // creating twice is harmless: the scheduler and the command line both may
        var march = new DateTimeOffset(2025, 3, 2, 6, 0, 0, TimeSpan.Zero);
        var april = new DateTimeOffset(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);

        store.Save([new AlertState("nps_drop", "channel=phone", true, march, march, 10.5), new AlertState("nps_drop", "channel=web", false, march, march, null),
            new AlertState("churn_high", "", true, march, march, 3.2)]);
        store.Save([new AlertState("nps_drop", "channel=phone", false, april, april, 31)]);

        var states = store.Of("nps_drop");
        Assert.Equal(new AlertState("nps_drop", "channel=phone", false, april, april, 31), states["channel=phone"]);
        Assert.Equal(new AlertState("nps_drop", "channel=web", false, march, march, null), states["channel=web"]);
        Assert.Equal([("churn_high", ""), ("nps_drop", "channel=phone"), ("nps_drop", "channel=web")], store.All().Select(s => (s.Alert, s.Segment)));
    }

    [Fact]
    public void The_last_judgement_s_previous_value_change_and_p_value_are_kept_and_replaced_with_the_state()
    {
        using var w = Load("source s from \"s.csv\" {\n  column x\n}", ("s.csv", "x\n1\n"));
        var store = new AlertStateStore(new DirectWarehouseAccess(w.Warehouse)).EnsureCreated();
        var march = new DateTimeOffset(2025, 3, 2, 6, 0, 0, TimeSpan.Zero);
        var april = new DateTimeOffset(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);

        store.Save([new AlertState("nps_drop", "channel=phone", true, march, march, 10) { Previous = 50, Change = -40, PValue = 0.000179431 }]);
        Assert.Equal((50.0, -40.0, 0.000179431), Numbers(store.Of("nps_drop")["channel=phone"]));

        // A judgement without an earlier value or a test leaves them undefined, not as they were before.
        store.Save([new AlertState("nps_drop", "channel=phone", true, march, april, 12)]);
        Assert.Equal((null, null, null), Numbers(store.All().Single()));
    }

    private static (double?, double?, double?) Numbers(AlertState state) => (state.Previous, state.Change, state.PValue);
}

public sealed class AlertStateStoreTestsOnDuckDb() : AlertStateStoreTests(TestEngine.DuckDb);

public sealed class AlertStateStoreTestsOnPostgres() : AlertStateStoreTests(TestEngine.Postgres);
