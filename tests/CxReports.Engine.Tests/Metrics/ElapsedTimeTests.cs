using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// <c>hours(t2 - t1)</c> and <c>days(t2 - t1)</c>: the time that passed between two instants, whatever the report's
/// zone and across its clock changes, and between two dates in whole days.
/// </summary>
public abstract class ElapsedTimeTests(TestEngine engine) : EngineTests(engine)
{
    private const string Model = """
        source tickets from "tickets.csv" {
          key id
          time opened: timestamp
          time answered: timestamp
          time due: date
          time closed: date
        }
        metric first_response_h = median(hours(tickets.answered - tickets.opened))
        metric mean_response_d = mean(days(tickets.answered - tickets.opened))
        metric late_days = sum(days(tickets.closed - tickets.due))
        """;

    // Europe/Istanbul keeps +03:00 all year since 2016 and New York moved its clocks on 2025-03-09 at 07:00Z, but an
    // elapsed time is instants apart, in any zone: 1.5 h, 24 h (over New York's change) and 90 s.
    private const string Tickets = """
        id,opened,answered,due,closed
        t1,2025-03-08T22:00:00Z,2025-03-08T23:30:00Z,2025-03-10,2025-03-12
        t2,2025-03-08T23:00:00Z,2025-03-09T23:00:00Z,2025-03-10,2025-03-10
        t3,2025-03-09T01:00:00Z,2025-03-09T01:01:30Z,2025-03-10,2025-03-09
        """;

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Istanbul")]
    public void Elapsed_time_is_the_time_between_the_instants_in_any_zone(string zone)
    {
        using MetricWarehouse w = Load(Model, ("tickets.csv", Tickets.ReplaceLineEndings("\n")));
        var t = w.Query("first_response_h, mean_response_d, late_days", "2025-03-01", "2025-03-31", zone);

        Assert.Equal(1.5, t.Single("first_response_h")!.Value, 9); // median of 1.5, 24 and 0.025 hours
        Assert.Equal((1.5 + 24 + 0.025) / 24 / 3, t.Single("mean_response_d")!.Value, 9);
        Assert.Equal(2 + 0 - 1, t.Single("late_days")!.Value, 9); // dates: whole days
    }
}

public sealed class ElapsedTimeTestsOnDuckDb() : ElapsedTimeTests(TestEngine.DuckDb);

public sealed class ElapsedTimeTestsOnPostgres() : ElapsedTimeTests(TestEngine.Postgres);
