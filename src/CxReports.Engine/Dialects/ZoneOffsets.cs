using System.Collections.Concurrent;

namespace CxReports.Engine.Dialects;

/// <summary>
/// A time zone's UTC offsets over a range of instants, as intervals of one offset each, worked out at plan time from
/// .NET's zone data: local time within the range is the instant plus its interval's offset, plain arithmetic a
/// dialect can write instead of converting every row through the engine's time-zone library.
/// </summary>
public sealed class ZoneOffsets
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>Transitions found per zone and year, kept for the process: a report plans many queries for one zone and period.</summary>
    private static readonly ConcurrentDictionary<(string Zone, int Year), IReadOnlyList<ZoneInterval>> TransitionsByYear = new();

    private ZoneOffsets(long fromMicroseconds, long toMicroseconds, IReadOnlyList<ZoneInterval> intervals, bool everywhere)
    {
        FromMicroseconds = fromMicroseconds;
        ToMicroseconds = toMicroseconds;
        Intervals = intervals;
        Everywhere = everywhere;
    }

    /// <summary>A zone .NET does not know: no instant is covered, the engine converts every one.</summary>
    public static ZoneOffsets Unknown { get; } = new(0, 0, [], everywhere: false);

    /// <summary>The first instant covered, in microseconds since 1970-01-01T00:00Z.</summary>
    public long FromMicroseconds { get; }

    /// <summary>The instant after the last one covered (exclusive), in microseconds since 1970-01-01T00:00Z.</summary>
    public long ToMicroseconds { get; }

    /// <summary>The offsets in order of their start; the first starts at <see cref="FromMicroseconds"/>.</summary>
    public IReadOnlyList<ZoneInterval> Intervals { get; }

    /// <summary>
    /// The zone has one offset at every instant (UTC, <c>Etc/GMT-3</c>): the single interval holds beyond the range
    /// too, so no instant needs the engine's conversion.
    /// </summary>
    public bool Everywhere { get; }

    /// <summary>The offsets of <paramref name="zone"/> at the instants [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), both before year 9999.</summary>
    public static ZoneOffsets Of(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        if (fromUtc.Kind != DateTimeKind.Utc || toUtc.Kind != DateTimeKind.Utc || toUtc <= fromUtc || toUtc.Year >= DateTime.MaxValue.Year)
            throw new ArgumentException($"not a range of UTC instants: {fromUtc:O} .. {toUtc:O}");
        var first = new ZoneInterval(Microseconds(fromUtc), Microseconds(zone.GetUtcOffset(fromUtc)));
        if (zone.GetAdjustmentRules().Length == 0 && zone.BaseUtcOffset == zone.GetUtcOffset(fromUtc))
            return new ZoneOffsets(first.StartMicroseconds, Microseconds(toUtc), [first], everywhere: true);

        var intervals = new List<ZoneInterval> { first };
        for (var year = fromUtc.Year; year <= toUtc.Year; year++)
        {
            foreach (var transition in Transitions(zone, year))
            {
                if (transition.StartMicroseconds <= first.StartMicroseconds || transition.StartMicroseconds >= Microseconds(toUtc)) continue;
                intervals.Add(transition);
            }
        }
        return new ZoneOffsets(first.StartMicroseconds, Microseconds(toUtc), intervals, everywhere: false);
    }

    /// <summary>
    /// The instants within a UTC calendar year at which the offset changes, each with the offset from then on: the
    /// offset is sampled every six hours (no zone changes twice within that) and each change is narrowed down to
    /// the second by bisection (zone data records transitions in whole seconds); a change at the next year's first
    /// instant is found here, as the next year's walk begins after it.
    /// </summary>
    private static IReadOnlyList<ZoneInterval> Transitions(TimeZoneInfo zone, int year) => TransitionsByYear.GetOrAdd((zone.Id, year), _ =>
    {
        var found = new List<ZoneInterval>();
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddYears(1);
        var step = TimeSpan.FromHours(6);
        var at = start;
        var offset = zone.GetUtcOffset(at);
        while (at < end)
        {
            var next = end - at > step ? at + step : end;
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                var (before, after) = (at, next);
                while (after - before > TimeSpan.FromSeconds(1))
                {
                    var middle = before + TimeSpan.FromSeconds(Math.Floor((after - before).TotalSeconds / 2));
                    if (zone.GetUtcOffset(middle) == offset) before = middle;
                    else after = middle;
                }
                found.Add(new ZoneInterval(Microseconds(after), Microseconds(zone.GetUtcOffset(after))));
            }
            (at, offset) = (next, nextOffset);
        }
        return found;
    });

    private static long Microseconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / TicksPerMicrosecond;

    private static long Microseconds(TimeSpan offset) => offset.Ticks / TicksPerMicrosecond;
}
