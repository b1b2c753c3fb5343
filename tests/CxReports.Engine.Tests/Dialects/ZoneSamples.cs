using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Dialects;

/// <summary>
/// The zones whose local time is hardest to get right, and instants at its edges in 2010-2030, worked out with .NET's
/// <see cref="TimeZoneInfo"/> alone (by scanning, not by the planner's bisection): each transition, a second before
/// it, and where the local days around it and every month begin, with the second before each.
/// </summary>
public static class ZoneSamples
{
    public static readonly DateTime First = new(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Istanbul (standard offset changed in 2016), Moscow (2011 and 2014), Havana (clocks jump at midnight), Lord Howe
    /// (30-minute DST), Chatham (45-minute offsets), New York, UTC.
    /// </summary>
    public static TheoryData<string> Zones => new("Europe/Istanbul", "Europe/Moscow", "America/Havana", "Australia/Lord_Howe",
        "Pacific/Chatham", "America/New_York", "UTC");

    /// <summary>A source of sample instants (<see cref="EventsFile"/>) and their count.</summary>
    public const string Model = """
        source events from "events.csv" {
          key id
          time at: timestamp
          column row: integer
        }
        metric n = count(events)
        """;

    /// <summary>The instants as the rows of events.csv, numbered from 0 in order (as id and as the number <c>row</c>).</summary>
    public static (string Path, string Text) EventsFile(IReadOnlyList<DateTime> instants) =>
        ("events.csv", Csv(["id,at,row", .. instants.Select((t, i) => $"{i},{t:yyyy-MM-ddTHH:mm:ss}Z,{i}")]));

    /// <summary>The instants in [First, End) at which the zone's offset changes: each hour is compared with the next, then the minutes of a changing hour.</summary>
    public static IReadOnlyList<DateTime> Transitions(TimeZoneInfo zone)
    {
        var found = new List<DateTime>();
        var offset = zone.GetUtcOffset(First);
        for (var hour = First; hour < End; hour = hour.AddHours(1))
        {
            if (zone.GetUtcOffset(hour.AddHours(1)) == offset) continue;
            var minute = hour;
            while (zone.GetUtcOffset(minute) == offset) minute = minute.AddMinutes(1);
            found.Add(minute);
            offset = zone.GetUtcOffset(minute);
        }
        return found;
    }

    /// <summary>The local date of an instant, by .NET's conversion.</summary>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    /// <summary>The first second whose local date is <paramref name="day"/> or later (no zone is more than 15 hours from UTC).</summary>
    public static DateTime DayStart(DateOnly day, TimeZoneInfo zone)
    {
        var before = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-15);
        var after = before.AddHours(30);
        while (after - before > TimeSpan.FromSeconds(1))
        {
            var middle = before.AddSeconds(Math.Floor((after - before).TotalSeconds / 2));
            if (LocalDate(middle, zone) >= day) after = middle;
            else before = middle;
        }
        return after;
    }

    /// <summary>The sample instants of a zone, in order.</summary>
    public static IReadOnlyList<DateTime> Instants(TimeZoneInfo zone)
    {
        var edges = new List<DateTime>();
        foreach (var transition in Transitions(zone))
        {
            edges.Add(transition);
            var day = LocalDate(transition, zone);
            edges.AddRange(new[] { day.AddDays(-1), day, day.AddDays(1), day.AddDays(2) }.Select(d => DayStart(d, zone)));
        }
        for (var month = DateOnly.FromDateTime(First); month < DateOnly.FromDateTime(End); month = month.AddMonths(1))
            edges.Add(DayStart(month, zone));
        return edges.SelectMany(e => new[] { e.AddSeconds(-1), e }).Where(e => e >= First && e < End).Distinct().Order().ToList();
    }
}
