using CxReports.Dsl.Model;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// Splits the period into the query's buckets (and into months when monthly quantities are averaged over coarser
/// buckets): one row per bucket with its bounds [b0, b1) clipped to the period. A grain that splits the period into
/// more buckets than allowed is refused.
/// </summary>
public sealed class BucketTimePass : IQueryPass
{
    public void Run(QueryPlan plan)
    {
        plan.Tables.Add(Buckets(plan.Context, plan.Grain));
        if (plan.Metrics.MonthlyColumns.Count > 0 && plan.Grain != TimeUnit.Month) plan.Tables.Add(Buckets(plan.Context, TimeUnit.Month));
    }

    private static TableSql Buckets(PlanContext context, TimeUnit? grain)
    {
        if (grain is { } g && context.Period.Buckets(g) is var count && count > context.MaxBuckets)
            throw new TooManyBucketsException(context.Period, g, count, context.MaxBuckets);
        var d = context.Dialect;
        var end = d.AddUnits($"CAST({context.To} AS DATE)", TimeUnit.Day, 1);
        var from = $"CAST({context.From} AS DATE)";
        // With a compared period every bucket also carries the bounds of the period it belongs to (p0, p1, snap).
        var periods = context.Compared is null ? [] : context.PeriodColumns("s.bucket").ToArray();
        var query = grain is { } unit
            ? new SqlSelect(["s.bucket", new SqlColumn($"greatest(s.bucket, {from})", "b0"), new SqlColumn($"least({d.AddUnits("s.bucket", unit, 1)}, {end})", "b1"), .. periods])
            {
                From = new SqlFrom(new SqlSubquery(new SqlText(d.BucketSeries(unit, context.From, context.To)), "s")),
            }
            : context.Compared is null
                ? new SqlSelect([new SqlColumn(from, "bucket"), new SqlColumn(from, "b0"), new SqlColumn(end, "b1")])
                : ComparedPeriods(context, from, periods);
        return new TableSql(QueryPlan.BucketsName(grain), query, false);
    }

    /// <summary>The ungrouped buckets of a compared period: the earlier period and the current one, each [p0, p1).</summary>
    private static SqlSelect ComparedPeriods(PlanContext context, string from, SqlColumn[] periods)
    {
        var starts = new SqlUnion([new SqlSelect([new SqlColumn(from, "bucket")]), new SqlSelect([new SqlColumn($"CAST({context.CurrentFrom} AS DATE)", "bucket")])]) { All = true };
        var p1 = periods.Single(c => c.Name == "p1").Expression;
        return new SqlSelect(["s.bucket", new SqlColumn("s.bucket", "b0"), new SqlColumn(p1, "b1"), .. periods])
        {
            From = new SqlFrom(new SqlSubquery(starts, "s")),
        };
    }
}
