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

    /// <summary>
    /// Quantiles of elapsed times (DuckDB takes them of whole microseconds and divides once): between two middle
    /// values, at the 90th percentile, with a <c>where</c>, with an unanswered ticket left out.
    /// </summary>
    [Fact]
    public void Quantiles_of_elapsed_time_interpolate_between_the_elapsed_times()
    {
        const string model = """
            source tickets from "tickets.csv" {
              key id
              time opened: timestamp
              time answered: timestamp
              column channel
            }
            metric median_h = median(hours(tickets.answered - tickets.opened))
            metric p90_h = percentile(hours(tickets.answered - tickets.opened), 90)
            metric median_d = median(days(tickets.answered - tickets.opened))
            metric email_median_h = median(hours(tickets.answered - tickets.opened)) where tickets.channel = "email"
            """;
        // Elapsed: 1.5 h, 24 h, 0.025 h (90 s), 3 h; t5 is unanswered.
        const string tickets = """
            id,opened,answered,channel
            t1,2025-03-08T22:00:00Z,2025-03-08T23:30:00Z,email
            t2,2025-03-08T23:00:00Z,2025-03-09T23:00:00Z,email
            t3,2025-03-09T01:00:00Z,2025-03-09T01:01:30Z,phone
            t4,2025-03-10T09:00:00Z,2025-03-10T12:00:00Z,email
            t5,2025-03-11T09:00:00Z,,email
            """;
        using MetricWarehouse w = Load(model, ("tickets.csv", tickets.ReplaceLineEndings("\n")));
        var t = w.Query("median_h, p90_h, median_d, email_median_h", "2025-03-01", "2025-03-31", "Europe/Istanbul");

        Assert.Equal((1.5 + 3) / 2, t.Single("median_h")!.Value, 9); // sorted 0.025, 1.5, 3, 24
        Assert.Equal(3 + 0.7 * (24 - 3), t.Single("p90_h")!.Value, 9); // position 0.9 × 3 = 2.7
        Assert.Equal((1.5 + 3) / 2 / 24, t.Single("median_d")!.Value, 9);
        Assert.Equal(3, t.Single("email_median_h")!.Value, 9); // 1.5, 3, 24
    }
}

public sealed class ElapsedTimeTestsOnDuckDb() : ElapsedTimeTests(TestEngine.DuckDb);

public sealed class ElapsedTimeTestsOnPostgres() : ElapsedTimeTests(TestEngine.Postgres);
