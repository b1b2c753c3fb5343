using CxReports.Engine.Dialects;

namespace CxReports.Engine.Tests.Dialects;

/// <summary>
/// The offsets the planner works out for a zone agree with .NET's conversion at every transition of 2010-2030 and
/// with what the zone's history says (tz database).
/// </summary>
public sealed class ZoneOffsetsTests
{
    private static readonly long Hour = TimeSpan.FromHours(1).Ticks / 10;

    [Theory]
    [MemberData(nameof(ZoneSamples.Zones), MemberType = typeof(ZoneSamples))]
    public void The_intervals_begin_at_each_transition_with_the_offset_from_then_on(string id)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);

        var offsets = ZoneOffsets.Of(zone, ZoneSamples.First, ZoneSamples.End);

        Assert.Equal(ZoneSamples.Transitions(zone).Select(Microseconds), offsets.Intervals.Skip(1).Select(i => i.StartMicroseconds));
        Assert.All(offsets.Intervals, i => Assert.Equal(zone.GetUtcOffset(Instant(i.StartMicroseconds)).Ticks / 10, i.OffsetMicroseconds));
        Assert.Equal(Microseconds(ZoneSamples.First), offsets.FromMicroseconds);
        Assert.Equal(Microseconds(ZoneSamples.End), offsets.ToMicroseconds);
    }

    [Fact]
    public void Moscow_moved_to_plus_4_in_2011_and_back_to_plus_3_in_2014()
    {
        var offsets = ZoneOffsets.Of(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"), ZoneSamples.First, ZoneSamples.End);

        // 2011-03-27 02:00 MSK (+3) became 03:00 (+4), and stayed; 2014-10-26 02:00 (+4) became 01:00 (+3).
        Assert.Equal(
            [new ZoneInterval(Microseconds(ZoneSamples.First), 3 * Hour),
             new ZoneInterval(Microseconds(new DateTime(2010, 3, 27, 23, 0, 0, DateTimeKind.Utc)), 4 * Hour),
             new ZoneInterval(Microseconds(new DateTime(2010, 10, 30, 23, 0, 0, DateTimeKind.Utc)), 3 * Hour),
             new ZoneInterval(Microseconds(new DateTime(2011, 3, 26, 23, 0, 0, DateTimeKind.Utc)), 4 * Hour),
             new ZoneInterval(Microseconds(new DateTime(2014, 10, 25, 22, 0, 0, DateTimeKind.Utc)), 3 * Hour)],
            offsets.Intervals);
    }

    [Fact]
    public void Istanbul_keeps_plus_3_after_its_last_summer_time_began_in_2016()
    {
        var offsets = ZoneOffsets.Of(TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"), ZoneSamples.First, ZoneSamples.End);

        // 2016-03-27 03:00 (+2) became 04:00 (+3); in September +3 became the standard offset, which changes no clock.
        Assert.Equal(new ZoneInterval(Microseconds(new DateTime(2016, 3, 27, 1, 0, 0, DateTimeKind.Utc)), 3 * Hour), offsets.Intervals[^1]);
    }

    [Theory]
    [InlineData("Australia/Lord_Howe", 10 * 60 + 30, 11 * 60)]
    [InlineData("Pacific/Chatham", 12 * 60 + 45, 13 * 60 + 45)]
    public void Half_and_three_quarter_hour_zones_alternate_between_their_two_offsets(string id, int standardMinutes, int summerMinutes)
    {
        var offsets = ZoneOffsets.Of(TimeZoneInfo.FindSystemTimeZoneById(id), ZoneSamples.First, ZoneSamples.End);

        Assert.Equal(42, offsets.Intervals.Count - 1); // two changes a year for 21 years
        Assert.Equal([standardMinutes * Hour / 60, summerMinutes * Hour / 60], offsets.Intervals.Select(i => i.OffsetMicroseconds).Distinct().Order());
    }

    [Fact]
    public void UTC_has_one_offset_everywhere()
    {
        var offsets = ZoneOffsets.Of(TimeZoneInfo.Utc, ZoneSamples.First, ZoneSamples.End);

        Assert.True(offsets.Everywhere);
        Assert.Equal([new ZoneInterval(Microseconds(ZoneSamples.First), 0)], offsets.Intervals);
    }

    [Fact]
    public void A_range_that_begins_inside_summer_time_starts_with_the_summer_offset()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var offsets = ZoneOffsets.Of(zone, new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc));

        // 2025-11-02 02:00 EDT (-4) became 01:00 EST (-5), at 06:00Z.
        Assert.Equal(
            [new ZoneInterval(Microseconds(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc)), -4 * Hour),
             new ZoneInterval(Microseconds(new DateTime(2025, 11, 2, 6, 0, 0, DateTimeKind.Utc)), -5 * Hour)],
            offsets.Intervals);
        Assert.False(offsets.Everywhere);
    }

    private static long Microseconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 10;

    private static DateTime Instant(long microseconds) => DateTime.UnixEpoch.AddTicks(microseconds * 10);
}
