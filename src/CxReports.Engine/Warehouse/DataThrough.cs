using System.Globalization;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// Where a source's data ends: the latest time on its time axis that was loaded. A timestamp axis ends at an
/// instant (<see cref="Instant"/>), whose day depends on the report's zone; a date axis ends with a whole day, and a
/// date written without a day (<c>"%Y-%m"</c>, a month's cost booking) covers its whole month, so it ends with the
/// month's last day. Stored in the load log as ISO text: <c>2026-10-15</c> or <c>2026-10-15T13:20:00Z</c>.
/// </summary>
public sealed record DataThrough(DateOnly Day, DateTimeOffset? Instant)
{
    public static DataThrough OfDay(DateOnly day) => new(day, null);

    public static DataThrough OfInstant(DateTimeOffset instant) => new(DateOnly.FromDateTime(instant.UtcDateTime), instant.ToUniversalTime());

    /// <summary>
    /// The last day of the period a date with the given format covers: the day itself, or for a format without a day
    /// the month's last day, or without a month the year's.
    /// </summary>
    public static DataThrough OfDate(DateOnly latest, string? format)
    {
        if (format is null || HasAny(format, "%d", "%e", "%j")) return OfDay(latest);
        if (HasAny(format, "%m", "%b", "%B")) return OfDay(new DateOnly(latest.Year, latest.Month, DateTime.DaysInMonth(latest.Year, latest.Month)));
        return OfDay(new DateOnly(latest.Year, 12, 31));
    }

    private static bool HasAny(string format, params string[] directives) => directives.Any(d => format.Contains(d, StringComparison.Ordinal));

    /// <summary>The last local day with data in <paramref name="timeZone"/> (an instant's day there; a date as it is).</summary>
    public DateOnly LastDay(TimeZoneInfo timeZone) => Instant is { } instant
        ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime)
        : Day;

    /// <summary>ISO text: a date, or an instant in UTC to the second.</summary>
    public override string ToString() => Instant is { } instant
        ? instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="ToString"/>'s text back; null for anything else (a log written before data ends were recorded).</summary>
    public static DataThrough? Parse(string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return OfDay(day);
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? OfInstant(instant)
            : null;
    }
}
