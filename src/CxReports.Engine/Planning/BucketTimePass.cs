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
        var query = grain is { } unit
            ? new SqlSelect(["s.bucket", new SqlColumn($"greatest(s.bucket, {from})", "b0"), new SqlColumn($"least({d.AddUnits("s.bucket", unit, 1)}, {end})", "b1")])
            {
                From = new SqlFrom(new SqlSubquery(new SqlText(d.BucketSeries(unit, context.From, context.To)), "s")),
            }
            : new SqlSelect([new SqlColumn(from, "bucket"), new SqlColumn(from, "b0"), new SqlColumn(end, "b1")]);
        return new TableSql(QueryPlan.BucketsName(grain), query, false);
    }
}
