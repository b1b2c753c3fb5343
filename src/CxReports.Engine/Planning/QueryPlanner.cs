using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// Plans a bound query as one set-based statement: one table per source and grain computing all its aggregates,
/// a frame of every bucket × every dimension value seen, and the metrics composed over the frame, so empty
/// buckets appear with 0 or null as each metric's definition says. The work is the passes below, in order.
/// </summary>
public sealed class QueryPlanner(PlanContext context)
{
    /// <summary>The passes of planning a query, in the order they run; each adds its part to the <see cref="QueryPlan"/>.</summary>
    public static IReadOnlyList<IQueryPass> Passes { get; } =
    [
        new LowerMetricsPass(),
        new BucketTimePass(),
        new ScanSourcesPass(),
        new RollUpMonthsPass(),
        new BuildFramePass(),
        new SelectColumnsPass(),
        new OrderRowsPass(),
        new WriteStatementPass(),
    ];

    public PlannedQuery Plan(BoundQuery query) => Planned(PlanTree(query));

    /// <summary>The query planned, before its statement is written as text (for <see cref="SharedScan"/>).</summary>
    public QueryPlan PlanTree(BoundQuery query)
    {
        var plan = new QueryPlan(context, query);
        foreach (var pass in Passes) pass.Run(plan);
        return plan;
    }

    /// <summary>
    /// An ungrouped query over the context's compared periods (<see cref="PlanContext.Compared"/>) as one statement
    /// whose two rows are the earlier period's and the current one's; null when one statement would not give exactly
    /// the numbers of one per period (<see cref="ComparedPeriods.Exact"/>): then each period is planned alone.
    /// </summary>
    public PlannedQuery? PlanBoth(BoundQuery query)
    {
        var compared = context.Compared ?? throw new InvalidOperationException("planning both periods needs a compared period");
        var plan = new QueryPlan(context, query);
        var lower = Passes.OfType<LowerMetricsPass>().Single(); // the atoms decide whether it is exact
        lower.Run(plan);
        if (!compared.Exact(plan)) return null;
        foreach (var pass in Passes.Where(p => p != lower)) pass.Run(plan);
        return Planned(plan) with { BothPeriods = true };
    }

    private PlannedQuery Planned(QueryPlan plan) =>
        new(SqlWriter.Write(plan.Statement), context.Parameters.Values, plan.Columns) { Order = plan.Order };
}
