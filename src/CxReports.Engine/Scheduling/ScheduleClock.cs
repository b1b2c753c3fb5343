using CxReports.Dsl.Model;
using Cronos;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// When a report's schedule fires: cron (seconds optional) in the schedule's IANA zone, with daylight-saving
/// changes handled by Cronos (a skipped local time fires once at the next valid instant, a repeated one once).
/// </summary>
public sealed class ScheduleClock
{
    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;

    public ScheduleClock(ScheduleModel schedule)
    {
        _cron = schedule.Slots;
        _zone = schedule.TimeZone;
    }

    /// <summary>The first slot strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after.UtcDateTime, _zone, inclusive: false) is { } next
        ? new DateTimeOffset(next, TimeSpan.Zero)
        : null;

    /// <summary>The latest slot in (<paramref name="after"/>, <paramref name="upTo"/>], if any: the one missed slot worth running.</summary>
    public DateTimeOffset? LatestBetween(DateTimeOffset after, DateTimeOffset upTo)
    {
        DateTimeOffset? latest = null;
        foreach (var slot in _cron.GetOccurrences(after.UtcDateTime, upTo.UtcDateTime, _zone, fromInclusive: false, toInclusive: true))
            latest = new DateTimeOffset(slot, TimeSpan.Zero);
        return latest;
    }
}
