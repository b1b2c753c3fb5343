using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// A report period as concrete inclusive dates, with its as-of date: the last day of the period, or today if
/// that is earlier (scores and cohorts are taken on it).
/// </summary>
public sealed record ResolvedPeriod(DateOnly From, DateOnly To, DateOnly AsOf)
{
    public static ResolvedPeriod Of(DateOnly from, DateOnly to, DateOnly today) => new(from, to, to < today ? to : today);

    /// <summary>
    /// The last day the period is read up to for values at its end (customers active "now"; the KPI tile's "at" date
    /// and JSON's <c>asOf</c>): the as-of date. The one place that decides it, so clipping a period to where its data
    /// ends changes only this.
    /// </summary>
    public DateOnly EffectiveEnd() => AsOf;

    /// <summary>
    /// Resolves a written period against today: <c>last N units</c> are the N units ending with the current one,
    /// <c>previous N units</c> the N whole units before the current one, <c>this unit</c> the current one.
    /// </summary>
    public static ResolvedPeriod Resolve(PeriodModel period, DateOnly today)
    {
        switch (period)
        {
            case FixedPeriodModel f:
                return Of(f.From, f.To, today);
            case RelativePeriodModel r:
                var current = StartOf(today, r.Unit);
                var (first, endExclusive) = r.Anchor switch
                {
                    PeriodAnchor.This => (current, Add(current, r.Unit, 1)),
                    PeriodAnchor.Previous => (Add(current, r.Unit, -r.Count), current),
                    _ => (Add(current, r.Unit, 1 - r.Count), Add(current, r.Unit, 1)),
                };
                return Of(first, endExclusive.AddDays(-1), today);
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period form");
        }
    }

    /// <summary>
    /// The period of equal length just before this one (for <c>compare previous period</c>); null when it would begin
    /// before 0001-01-01, the first day there is.
    /// </summary>
    public ResolvedPeriod? Previous(DateOnly today)
    {
        var wholeMonths = From.Day == 1 && To.Day == DateTime.DaysInMonth(To.Year, To.Month);
        if (wholeMonths)
        {
            var months = MonthIndex(To) - MonthIndex(From) + 1;
            var first = MonthIndex(From) - months;
            if (first < 0) return null;
            return Of(new DateOnly((int)(first / 12) + 1, (int)(first % 12) + 1, 1), From.AddDays(-1), today);
        }
        var days = To.DayNumber - From.DayNumber + 1;
        if (From.DayNumber - days < DateOnly.MinValue.DayNumber) return null;
        return Of(From.AddDays(-days), From.AddDays(-1), today);
    }

    /// <summary>The same period a year earlier (for <c>compare previous year</c>); null when this one is in year 1.</summary>
    public ResolvedPeriod? PreviousYear(DateOnly today) => From.Year == 1 ? null : Of(From.AddYears(-1), To.AddYears(-1), today);

    /// <summary>
    /// How many buckets of <paramref name="unit"/> the period touches, partial ones at either end included: the rows a
    /// <c>by day</c> (week, month ...) query has for each combination of its other dimensions.
    /// </summary>
    public long Buckets(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => To.DayNumber - From.DayNumber + 1,
        TimeUnit.Week => (StartOf(To, unit).DayNumber - StartOf(From, unit).DayNumber) / 7 + 1,
        TimeUnit.Month => MonthIndex(To) - MonthIndex(From) + 1,
        TimeUnit.Quarter => MonthIndex(To) / 3 - MonthIndex(From) / 3 + 1,
        _ => To.Year - From.Year + 1,
    };

    /// <summary>
    /// Whether the period is whole units, so that dates may be truncated to their bucket before counting: it begins
    /// where a unit begins and ends where one ends (9999-12-31, the last day there is, ends every unit).
    /// </summary>
    public bool Aligned(TimeUnit unit) =>
        StartOf(From, unit) == From && (To == DateOnly.MaxValue || StartOf(To.AddDays(1), unit) == To.AddDays(1));

    /// <summary>Months since January of year 1.</summary>
    private static long MonthIndex(DateOnly day) => (day.Year - 1) * 12L + day.Month - 1;

    public static DateOnly StartOf(DateOnly day, TimeUnit unit) => unit switch
    {
        TimeUnit.Day => day,
        TimeUnit.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeUnit.Month => new DateOnly(day.Year, day.Month, 1),
        TimeUnit.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    public static DateOnly Add(DateOnly day, TimeUnit unit, int count) => unit switch
    {
        TimeUnit.Day => day.AddDays(count),
        TimeUnit.Week => day.AddDays(7 * count),
        TimeUnit.Month => day.AddMonths(count),
        TimeUnit.Quarter => day.AddMonths(3 * count),
        _ => day.AddYears(count),
    };
}
