using CxReports.Engine.Planning.SqlTree;
using CxReports.Engine.Results;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// The retention cohort matrix (metrics.md): cohort c = entities starting in month c within the period; cell
/// (c, k) = percent of the cohort still a customer on the last day of month c+k; null where that day is after the
/// as-of date. One scan of the entities, counted by (cohort, end date) before the cells are summed from those
/// counts (a few thousand groups instead of every entity times every column), one column per k.
/// </summary>
public sealed class CohortPlanner(PlanContext context)
{
    public PlannedQuery Plan(CohortBlockModel block)
    {
        var source = context.Model.Sources[block.Source];
        var joins = new JoinPlan(context.Model, LifecycleRollup.Table(context, source), "r");
        var rows = new RowSql(context.Dialect, joins, context.Parameters, context.ParamValues);
        var (start, end, endJoin) = EntityDates.Of(context, source, rows);
        var filters = context.RowFilters(source.Name, rows, null).ToList();
        filters.Insert(0, $"{start} BETWEEN {context.From} AND {context.To}");
        var asOf = context.Parameters.Shared("asof", context.Period.AsOf);
        var d = context.Dialect;

        var cells = Enumerable.Range(0, block.Months).Select(k =>
        {
            var lastDay = d.AddUnits(d.AddUnits("e.cohort", TimeUnit.Month, k + 1), TimeUnit.Day, -1);
            return new SqlColumn($"CASE WHEN {lastDay} <= CAST({asOf} AS DATE) THEN 100.0 * CAST(coalesce(sum(e.n) FILTER (WHERE e.ended IS NULL OR e.ended > {lastDay}), 0) AS BIGINT) / CAST(sum(e.n) AS BIGINT) END", $"m{k}");
        });
        var entities = UnitKeyedRows.WithFirstDays(d, TimeUnit.Month, new SqlSelect([new SqlColumn(d.UnitKey(TimeUnit.Month, start), "cohort"), new SqlColumn(end, "ended"), new SqlColumn("count(*)", "n")])
        {
            From = joins.WithExtra(endJoin).From,
            Where = filters,
            GroupBy = SqlSelect.FirstColumns(2),
        }, "cohort");
        var statement = new SqlSelect(["e.cohort", new SqlColumn("CAST(sum(e.n) AS BIGINT)", "size"), .. cells])
        {
            With = [new SqlTable("entities", entities)],
            From = new SqlFrom(new SqlTableSource("entities", "e")),
            GroupBy = ["e.cohort"],
            OrderBy = ["e.cohort"],
        };
        var columns = new List<ResultColumn> { new("cohort", ColumnType.Date) { Grain = TimeUnit.Month }, new("size", ColumnType.Integer, Unit.Count) };
        columns.AddRange(Enumerable.Range(0, block.Months).Select(k => new ResultColumn($"m{k}", ColumnType.Number, Unit.Percent)));
        return new PlannedQuery(SqlWriter.Write(statement), context.Parameters.Values, columns);
    }
}
