using CxReports.Dsl.Model;
using CxReports.Engine.Scheduling;

namespace CxReports.Engine.Tests.Scheduling;

public class ScheduleClockTests
{
    private static ScheduleClock Clock(string cron, string zone) => new(new ScheduleModel(cron, Dsl.Binding.Rules.ParseCron(cron, out _)!, TimeZoneInfo.FindSystemTimeZoneById(zone), false, [], default));

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Istanbul_has_no_daylight_saving_so_08_00_local_is_05_00_utc_all_year()
    {
        var clock = Clock("0 8 * * MON", "Europe/Istanbul");
        Assert.Equal(Utc(2026, 3, 30, 5), clock.Next(Utc(2026, 3, 28, 0)));
        Assert.Equal(Utc(2026, 11, 2, 5), clock.Next(Utc(2026, 10, 31, 0)));
    }

    [Fact]
    public void New_york_keeps_08_00_local_across_the_spring_and_autumn_changes()
    {
        var clock = Clock("0 8 * * *", "America/New_York");
        // Before 2026-03-08 EST is UTC-5; after, EDT is UTC-4.
        Assert.Equal(Utc(2026, 3, 7, 13), clock.Next(Utc(2026, 3, 7, 0)));
        Assert.Equal(Utc(2026, 3, 8, 12), clock.Next(Utc(2026, 3, 7, 14)));
        // Back to EST on 2026-11-01.
        Assert.Equal(Utc(2026, 11, 1, 13), clock.Next(Utc(2026, 10, 31, 13)));
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_fires_once_at_the_next_valid_instant()
    {
        // 02:30 does not exist in New York on 2026-03-08 (clocks jump from 02:00 to 03:00).
        var clock = Clock("30 2 * * *", "America/New_York");
        Assert.Equal(Utc(2026, 3, 8, 7), clock.Next(Utc(2026, 3, 8, 0)));
        Assert.Equal(Utc(2026, 3, 9, 6, 30), clock.Next(Utc(2026, 3, 8, 7)));
    }

    [Fact]
    public void A_local_time_repeated_by_the_autumn_change_fires_once()
    {
        // 01:30 happens twice in New York on 2026-11-01.
        var clock = Clock("30 1 * * *", "America/New_York");
        var first = clock.Next(Utc(2026, 11, 1, 0))!.Value;
        Assert.Equal(Utc(2026, 11, 1, 5, 30), first);
        Assert.Equal(Utc(2026, 11, 2, 6, 30), clock.Next(first));
    }

    [Fact]
    public void The_latest_missed_slot_is_the_one_worth_running()
    {
        var clock = Clock("0 8 * * *", "UTC");
        Assert.Equal(Utc(2026, 1, 5, 8), clock.LatestBetween(Utc(2026, 1, 1, 9), Utc(2026, 1, 5, 12)));
        Assert.Null(clock.LatestBetween(Utc(2026, 1, 5, 8), Utc(2026, 1, 5, 12)));
    }

    [Fact]
    public void Six_fields_put_seconds_first()
    {
        Assert.Equal(Utc(2026, 1, 1, 0, 0).AddSeconds(30), Clock("30 * * * * *", "UTC").Next(Utc(2026, 1, 1, 0, 0)));
    }
}
