using CxReports.Dsl.Model;
using CxReports.Engine.Planning;

namespace CxReports.Engine.Tests.Planning;

public sealed class ResolvedPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static ResolvedPeriod Period(string from, string to) => ResolvedPeriod.Of(DateOnly.Parse(from), DateOnly.Parse(to), Today);

    // 1600-01-01 .. 2026-01-01: 426 years of 365 days, 104 leap days (107 multiples of 4 from 1600 to 2024, less 1700,
    // 1800 and 1900), and the one day of 2026: 155,490 + 104 + 1.
    [Theory]
    [InlineData("1600-01-01", "2026-01-01", TimeUnit.Day, 155_595L)]
    [InlineData("2026-01-01", "2026-01-01", TimeUnit.Day, 1L)]
    [InlineData("2026-01-01", "2026-01-31", TimeUnit.Week, 5L)]     // Thu 1 Jan is in the week of Mon 29 Dec; Sat 31 Jan in that of Mon 26 Jan
    [InlineData("2025-11-15", "2026-02-01", TimeUnit.Month, 4L)]    // Nov, Dec, Jan, Feb
    [InlineData("2025-12-31", "2026-01-01", TimeUnit.Quarter, 2L)]
    [InlineData("2025-03-01", "2025-03-31", TimeUnit.Quarter, 1L)]
    [InlineData("0001-01-01", "9999-12-31", TimeUnit.Month, 119_988L)] // 9,999 years of 12
    [InlineData("0001-01-01", "9999-12-31", TimeUnit.Year, 9_999L)]
    [InlineData("0001-01-01", "9999-12-31", TimeUnit.Day, 3_652_059L)] // DateOnly.MaxValue.DayNumber + 1
    public void Buckets_count_every_unit_the_period_touches_partial_ones_included(string from, string to, TimeUnit unit, long buckets) =>
        Assert.Equal(buckets, Period(from, to).Buckets(unit));

    [Fact]
    public void Weeks_at_the_first_day_there_is_start_on_it_as_it_is_a_monday() =>
        Assert.Equal(2L, Period("0001-01-01", "0001-01-08").Buckets(TimeUnit.Week));

    [Fact]
    public void A_period_starting_on_the_first_day_there_is_has_no_previous_period_or_year()
    {
        Assert.Null(Period("0001-01-01", "0001-12-31").Previous(Today));
        Assert.Null(Period("0001-01-01", "0001-01-10").Previous(Today));
        Assert.Null(Period("0001-03-01", "0001-12-31").PreviousYear(Today));
    }

    [Fact]
    public void The_previous_period_may_start_on_the_first_day_there_is()
    {
        var previous = Period("0001-02-01", "0001-02-28").Previous(Today)!;
        Assert.Equal((new DateOnly(1, 1, 1), new DateOnly(1, 1, 31)), (previous.From, previous.To));
        var days = Period("0001-01-11", "0001-01-20").Previous(Today)!;
        Assert.Equal((new DateOnly(1, 1, 1), new DateOnly(1, 1, 10)), (days.From, days.To));
    }

    [Fact]
    public void A_period_ending_on_the_last_day_there_is_has_its_previous_period_and_year()
    {
        var period = Period("9999-01-01", "9999-12-31");
        var previous = period.Previous(Today)!;
        Assert.Equal((new DateOnly(9998, 1, 1), new DateOnly(9998, 12, 31)), (previous.From, previous.To));
        var year = period.PreviousYear(Today)!;
        Assert.Equal((new DateOnly(9998, 1, 1), new DateOnly(9998, 12, 31)), (year.From, year.To));
    }

    [Theory]
    [InlineData("9999-01-01", "9999-12-31", TimeUnit.Month, true)]
    [InlineData("9999-12-31", "9999-12-31", TimeUnit.Year, false)]
    [InlineData("9999-12-01", "9999-12-31", TimeUnit.Month, true)]
    [InlineData("0001-01-01", "0001-03-31", TimeUnit.Quarter, true)]
    [InlineData("2026-01-01", "2026-01-30", TimeUnit.Month, false)]
    public void Aligned_periods_begin_and_end_with_whole_units_up_to_the_last_day_there_is(string from, string to, TimeUnit unit, bool aligned) =>
        Assert.Equal(aligned, Period(from, to).Aligned(unit));
}
