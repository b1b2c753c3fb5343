using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning;

namespace CxReports.Engine.Tests.Planning;

/// <summary>The ranges of instants whose local time the planner works out as offsets, around the period.</summary>
public sealed class PlanContextTests
{
    private static readonly long MicrosecondsPerDay = TimeSpan.FromDays(1).Ticks / 10;

    private static PlanContext Context(DateOnly from, DateOnly to, DateOnly today, string zone = "America/New_York")
    {
        var model = ModelBinder.Compile([new SourceFile("m.cxr", "source events from \"e.csv\" {\n  key id\n  time at: timestamp\n}\n")]).Model!;
        return new PlanContext(model, DuckDbDialect.Instance, ResolvedPeriod.Of(from, to, today), zone, new Dictionary<string, object?>(), []);
    }

    private static long Day(int year, int month, int day) => (new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;

    [Fact]
    public void The_period_rows_take_the_period_and_a_day_either_side_and_other_rows_ten_years_before_to_a_year_after()
    {
        var context = Context(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 6, 1));

        Assert.Equal(Day(2024, 12, 31), context.PeriodOffsets.FromMicroseconds);
        Assert.Equal(Day(2026, 1, 2), context.PeriodOffsets.ToMicroseconds);
        Assert.Equal(Day(2025, 1, 1) - 3660 * MicrosecondsPerDay, context.Offsets.FromMicroseconds); // 10 × 366 days
        Assert.Equal(Day(2025, 12, 31) + 366 * MicrosecondsPerDay, context.Offsets.ToMicroseconds);
        Assert.Equal(3, context.PeriodOffsets.Intervals.Count); // EST, EDT from 2025-03-09, EST from 2025-11-02
    }

    [Fact]
    public void A_period_of_all_time_works_out_sixty_years_before_its_as_of_date_to_one_after()
    {
        var context = Context(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2026, 6, 1));

        Assert.Equal(Day(2026, 6, 1) - 60 * 366 * MicrosecondsPerDay, context.Offsets.FromMicroseconds);
        Assert.Equal(Day(2026, 6, 1) + 366 * MicrosecondsPerDay, context.Offsets.ToMicroseconds);
    }

    [Fact]
    public void A_period_in_the_last_year_of_the_calendar_leaves_every_row_to_the_engine()
    {
        var context = Context(new DateOnly(9999, 1, 1), DateOnly.MaxValue, new DateOnly(2026, 6, 1));

        Assert.Empty(context.PeriodOffsets.Intervals);
        Assert.Equal("CAST(timezone($1, r.at) AS DATE)", context.Dialect.LocalDate("r.at", "$1", context.PeriodOffsets));
    }

    [Fact]
    public void A_zone_unknown_to_dotnet_leaves_every_row_to_the_engine()
    {
        var context = Context(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2026, 6, 1), zone: "Mars/Olympus_Mons");

        Assert.Empty(context.Offsets.Intervals);
    }
}
