using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// Evaluates monthly quantities (<c>per month</c> metrics, revenue) month by month over a frame of months, then
/// averages the months of each of the query's buckets (the rollup), which the query's frame joins like any table.
/// </summary>
public sealed class RollUpMonthsPass : IQueryPass
{
    public void Run(QueryPlan plan)
    {
        var monthly = plan.Metrics.MonthlyColumns;
        if (monthly.Count == 0) return;
        var monthLevel = plan.Tables.Where(t => t.Name.EndsWith("_month", StringComparison.Ordinal) && plan.HoldsAggregates(t)).ToArray();
        plan.Tables.Add(plan.Frame("frame_month", TimeUnit.Month, monthLevel));
        plan.Tables.Add(new TableSql(MetricCompiler.MonthlyTable, new SqlSelect([
            "m.bucket", .. plan.DimensionsOf("m"), .. monthly.Select(c => new SqlColumn(c.Sql, c.Column)),
        ])
        {
            From = plan.Joined("frame_month", "m", monthLevel),
        }, true));
        var rollup = new TableSql(MetricCompiler.RollupTable, new SqlSelect([
            new SqlColumn(EventTable.Bucket(plan.Context, plan.Grain, "x.bucket"), "bucket"), .. plan.DimensionsOf("x"),
            // In month order: a mean of doubles added in whatever order the engine's threads deliver them differs
            // in its last digits from run to run, and the same report must print the same figures each time.
            .. monthly.Select(c => new SqlColumn($"avg(x.{Sql.Identifier(c.Column)} ORDER BY x.bucket)", c.Column)),
        ])
        {
            From = new SqlFrom(new SqlTableSource(MetricCompiler.MonthlyTable, "x")),
            GroupBy = SqlSelect.FirstColumns(1 + plan.FieldDimensions),
        }, true);
        plan.Tables.Add(rollup);
        plan.QueryLevel.Add(rollup);
    }
}
