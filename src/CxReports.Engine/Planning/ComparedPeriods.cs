namespace CxReports.Engine.Planning;

/// <summary>
/// A period and the one just before it, computed by one statement (a KPI block and its comparison): the statement
/// reads the span they make together once, and each is a bucket of it, starting on its first day.
/// </summary>
public sealed record ComparedPeriods(ResolvedPeriod Earlier, ResolvedPeriod Current)
{
    /// <summary>Both periods as one, read as the current one is at its end (its as-of date).</summary>
    public ResolvedPeriod Span => new(Earlier.From, Current.To, Current.AsOf);

    /// <summary>The two periods when the earlier one ends the day before the current one begins; null otherwise (no earlier period, or a gap: the previous year).</summary>
    public static ComparedPeriods? Of(ResolvedPeriod? earlier, ResolvedPeriod current) =>
        earlier is not null && earlier.To < DateOnly.MaxValue && earlier.To.AddDays(1) == current.From ? new ComparedPeriods(earlier, current) : null;

    /// <summary>
    /// Whether one statement gives exactly the numbers of one statement per period. Row aggregates (counts, scores,
    /// medians, first and last), lifecycle counts and snapshots, and revenue month by month are computed per bucket
    /// from the same rows either way. Not exact, so planned as two statements: a source without a time axis (each
    /// period reads all its rows; one statement would put them in one bucket), and monthly quantities (revenue,
    /// <c>per month</c>) when the current period begins inside a month, which would then belong to both periods.
    /// Nor, so that no report is refused that was not before, months of both periods beyond the most buckets allowed.
    /// </summary>
    public bool Exact(QueryPlan plan) =>
        plan.Grain is null && plan.FieldDimensions == 0 && plan.Query.Top is null &&
        plan.Metrics.Atoms.All(a => a.Kind != AtomKind.Event || plan.Context.Model.Sources[a.Aggregate.Source].TimeAxis is not null) &&
        (plan.Metrics.Atoms.All(a => a.Grain is null) || (Current.From.Day == 1 && Span.Buckets(Dsl.Model.TimeUnit.Month) <= plan.Context.MaxBuckets));
}
