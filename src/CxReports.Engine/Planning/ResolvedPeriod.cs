using CxReports.Dsl.Binding.Model;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Engine.Planning;

/// <summary>
/// A report period as concrete inclusive dates, with its as-of date: the last day of the period, or today if
/// that is earlier (scores and cohorts are taken on it).
/// </summary>
public sealed record ResolvedPeriod(DateOnly From, DateOnly To, DateOnly AsOf)
{
    public static ResolvedPeriod Of(DateOnly from, DateOnly to, DateOnly today) => new(from, to, to < today ? to : today);

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
                    "this" => (current, Add(current, r.Unit, 1)),
                    "previous" => (Add(current, r.Unit, -r.Count), current),
                    _ => (Add(current, r.Unit, 1 - r.Count), Add(current, r.Unit, 1)),
                };
                return Of(first, endExclusive.AddDays(-1), today);
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period form");
        }
    }

    /// <summary>The period of equal length just before this one (for <c>compare previous period</c>).</summary>
    public ResolvedPeriod Previous(DateOnly today)
    {
        var wholeMonths = From.Day == 1 && To.AddDays(1).Day == 1;
        if (wholeMonths)
        {
            var months = (To.Year - From.Year) * 12 + To.Month - From.Month + 1;
            var start = From.AddMonths(-months);
            return Of(start, From.AddDays(-1), today);
        }
        var days = To.DayNumber - From.DayNumber + 1;
        return Of(From.AddDays(-days), From.AddDays(-1), today);
    }

    /// <summary>The same period a year earlier (for <c>compare previous year</c>).</summary>
    public ResolvedPeriod PreviousYear(DateOnly today) => Of(From.AddYears(-1), To.AddYears(-1), today);

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
