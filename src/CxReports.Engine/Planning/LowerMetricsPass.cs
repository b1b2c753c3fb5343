namespace CxReports.Engine.Planning;

/// <summary>
/// Compiles each metric to SQL over the aggregate columns it reads, collecting those aggregates (the atoms) for the
/// tables to compute; a <c>top N by</c> metric that is not shown is compiled with them.
/// </summary>
public sealed class LowerMetricsPass : IQueryPass
{
    public void Run(QueryPlan plan)
    {
        var query = plan.Query;
        var compiler = plan.Metrics = new MetricCompiler(plan.Context, plan.Grain);
        plan.MetricSql = query.Metrics.Select(m => compiler.Compile(m.Expression, m.Name, m.At)).ToArray();
        // `top N by` a metric that is not a column of the query ranks the rows without being shown: it is computed
        // with the others (before the tables are built, so its aggregates are in them) and ordered by directly.
        var querySources = compiler.Atoms.Select(a => a.Aggregate.Source).ToHashSet();
        plan.RankBy = query.Top is { OrderByMetric: { } ranking, OrderBy: var rankName } ? compiler.Compile(ranking, rankName ?? "rank") : null;
        // The binder resolves field dimensions and the where for the query's metrics' sources only, so a ranking
        // metric over another source could be neither grouped nor filtered like the rows it ranks.
        if ((plan.FieldDimensions > 0 || query.Where is not null) &&
            compiler.Atoms.FirstOrDefault(a => !querySources.Contains(a.Aggregate.Source)) is { } foreign)
            throw new PlanningException($"'top {query.Top!.Count} by {query.Top.OrderBy}' reads source '{foreign.Aggregate.Source}', which no metric " +
                                        $"of the query reads, so the query's dimensions and where do not apply to it; add {query.Top.OrderBy} to the query's metrics");
    }
}
