namespace CxReports.Engine.Planning;

/// <summary>
/// Chooses the tables that compute the aggregates: one per source, kind and grain (row events, the customer
/// lifecycle, recurring revenue), each scanning its source once for all the aggregates read from it.
/// </summary>
public sealed class ScanSourcesPass : IQueryPass
{
    public void Run(QueryPlan plan)
    {
        var context = plan.Context;
        var query = plan.Query;
        foreach (var group in plan.Metrics.Atoms.GroupBy(a => (a.Aggregate.Source, a.Kind, a.Grain)))
        {
            var source = context.Model.Sources[group.Key.Source];
            var atoms = group.ToArray();
            plan.Tables.AddRange(group.Key.Kind switch
            {
                AtomKind.Event => [EventTable.Build(context, source, group.Key.Grain, atoms, query.Dimensions, query.Where)],
                AtomKind.Lifecycle => LifecycleTable.Build(context, source, group.Key.Grain, atoms, query.Dimensions, query.Where, QueryPlan.BucketsName(group.Key.Grain)),
                _ => RevenueTable.Build(context, source, atoms, query.Dimensions, query.Where),
            });
        }
        plan.QueryLevel.AddRange(plan.Tables.Where(t => plan.HoldsAggregates(t) && plan.Metrics.Atoms.Any(a => a.Table == t.Name && a.Grain == plan.Grain)));
    }
}
