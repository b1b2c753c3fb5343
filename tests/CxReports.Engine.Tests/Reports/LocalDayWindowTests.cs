using CxReports.Engine.Tests.Engines;
namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// The period and score windows select rows by their local date in the report's zone, compared on the stored
/// instants (the planner does not convert every row): the days must begin at the right instant even where the clocks
/// go back across midnight, so that the hour 00:00-01:00 happens twice on the same day.
/// </summary>
public abstract class LocalDayWindowTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void A_day_whose_first_hour_repeats_keeps_both_hours()
    {
        // Havana, 2019-11-03: 01:00 CDT (UTC-4) goes back to 00:00 CST (UTC-5), so local 00:00-00:59 occurs at
        // 04:00-04:59Z and again at 05:00-05:59Z; the day ends at 2019-11-04 05:00Z.
        _fixture
            .File("events.csv", "id,at\n" +
                                "1,2019-11-03T03:59:00Z\n" + // 23:59 on the 2nd
                                "2,2019-11-03T04:30:00Z\n" + // 00:30 on the 3rd, first time
                                "3,2019-11-03T05:30:00Z\n" + // 00:30 on the 3rd, second time
                                "4,2019-11-04T04:59:00Z\n" + // 23:59 on the 3rd
                                "5,2019-11-04T05:00:00Z\n")  // 00:00 on the 4th
            .Compile("""
                source events from "events.csv" {
                  key id
                  time at: timestamp
                }
                metric n = count(events)
                report r {
                  period 2019-11-03 .. 2019-11-03
                  timezone "America/Havana"
                  section "s" { kpi k: n }
                }
                """);

        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2019, 12, 1)), "k").Table!.Rows;

        Assert.Equal(3L, Convert.ToInt64(rows[0][1]));
    }
}

public sealed class LocalDayWindowTestsOnDuckDb() : LocalDayWindowTests(TestEngine.DuckDb);

public sealed class LocalDayWindowTestsOnPostgres() : LocalDayWindowTests(TestEngine.Postgres);
