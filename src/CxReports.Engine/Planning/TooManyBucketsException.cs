using System.Globalization;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// A period split by a grain into more buckets than the planner may generate (<see cref="PlanContext.MaxBuckets"/>):
/// refused while planning, before any statement runs. Names the period, the grain and both counts.
/// </summary>
public sealed class TooManyBucketsException(ResolvedPeriod period, TimeUnit grain, long buckets, int maximum) : Exception(
    string.Create(CultureInfo.InvariantCulture,
        $"from {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd} by {grain.Word()} is {buckets:N0} buckets; at most {maximum:N0} are computed: shorten the period or use a coarser grain"))
{
    public ResolvedPeriod Period { get; } = period;
    public TimeUnit Grain { get; } = grain;
    public long Buckets { get; } = buckets;
    public int Maximum { get; } = maximum;
}
