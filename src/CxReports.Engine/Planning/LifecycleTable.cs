using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// Lifecycle counts per bucket (metrics.md): an entity with start s and end e is a customer on day d when
/// s &lt;= d &lt; e. Entities are first counted per (start bucket, end bucket, dimensions, filters), then joined to the
/// buckets, which is exact because bucket bounds are bucket starts, and far smaller than months × customers.
/// </summary>
public static class LifecycleTable
{
    public static IReadOnlyList<TableSql> Build(PlanContext context, SourceModel source, TimeUnit? grain, IReadOnlyList<Atom> atoms,
        IReadOnlyList<QueryDimension> dimensions, IReadOnlyDictionary<string, BoundExpression>? where, string buckets)
    {
        var joins = new JoinPlan(context.Model, LifecycleRollup.Table(context, source), "r");
        var rows = new RowSql(context.Dialect, joins, context.Parameters, context.ParamValues);

        var (start, end, endJoin) = EntityDates.Of(context, source, rows);

        var dims = dimensions.Where(d => d.Grain is null).Select((d, i) => (Sql: rows.Compile(d.BySource[source.Name]), Name: $"d{i}")).ToArray();
        var flags = atoms.Select((a, i) => (Sql: a.Aggregate.Filter is null ? "TRUE" : $"coalesce({rows.Compile(a.Aggregate.Filter)}, FALSE)", Name: $"f{i}")).ToArray();
        // Only entities that are customers at some point of the period count in any bucket, and only their field
        // values are "seen in the period" for the frame (a plan held only by customers who left before it is not).
        var inPeriod = $"{start} <= {context.To} AND ({end} IS NULL OR {end} >= {context.From})";
        var filters = context.RowFilters(source.Name, rows, where).Prepend(inPeriod).ToArray();

        var entitiesName = PlanContext.TableName(source.Name, "entities", grain);
        // Dates counted per bucket where every bound compared with begins one; an ungrouped period's counts per month
        // when its bounds are whole months (cx_roi's segment tables: 690K day pairs become a few thousand month pairs).
        var unit = grain ?? TimeUnit.Month;
        TimeUnit? truncation = context.BoundsBegin(unit, atoms.Any(a => a.AtEnd)) ? unit : null;
        var keyOf = (string day) => truncation is { } unit ? context.Dialect.UnitKey(unit, day) : day;
        var from = joins.WithExtra(endJoin).From;
        var grouped = new SqlSelect([
            new SqlColumn(keyOf(start), "s"), new SqlColumn(keyOf(end), "e"),
            .. dims.Select(d => new SqlColumn(d.Sql, d.Name)),
            .. flags.Select(f => new SqlColumn(f.Sql, f.Name)),
            new SqlColumn("count(*)", "n"),
        ])
        {
            From = from,
            Where = filters,
            GroupBy = SqlSelect.FirstColumns(2 + dims.Length + flags.Length),
        };
        var entities = truncation is { } t ? UnitKeyedRows.WithFirstDays(context.Dialect, t, grouped, "s", "e") : grouped;
        var scan = new EntityScan(start, end, from, filters, [.. dims.Select(d => d.Sql)], [.. flags.Select(f => f.Sql)], truncation);

        var columns = new List<SqlColumn> { "b.bucket" };
        columns.AddRange(dims.Select(d => new SqlColumn($"x.{d.Name}")));
        // Compared periods: an entity counts in a bucket only if it is a customer at some point of the bucket's
        // period, as the filter above selects them for one period (the span's filter is only as strict as that).
        var inPeriodOfBucket = context.Compared is null ? "" : " AND x.s < b.p1 AND (x.e IS NULL OR x.e >= b.p0)";
        columns.AddRange(atoms.Select((a, i) => new SqlColumn(a.AtEnd ? ActiveAtEnd(context, $"x.f{i}{inPeriodOfBucket}") : Count(context, a.Aggregate.Function.Name, $"x.f{i}{inPeriodOfBucket}"), a.Column)));
        var counts = new SqlSelect(columns)
        {
            From = new SqlFrom(new SqlTableSource(buckets, "b"), [new SqlJoin(SqlJoinKind.Cross, new SqlTableSource(entitiesName, "x"))]),
            GroupBy = SqlSelect.FirstColumns(1 + dims.Length),
        };
        return
        [
            new TableSql(entitiesName, entities, false) { Scan = scan },
            new TableSql(PlanContext.TableName(source.Name, "lifecycle", grain), counts, dims.Length > 0),
        ];
    }

    /// <summary>
    /// Customers at the end of the period: those whose lifecycle covers its effective end, the last instant of
    /// <see cref="ResolvedPeriod.EffectiveEnd"/> (started before the next day, not ended by it): the same rule as
    /// "at the start of a bucket", at the start of the day after. With a compared period, each bucket's period's end.
    /// </summary>
    private static string ActiveAtEnd(PlanContext context, string flag)
    {
        var after = context.Compared is null ? $"CAST({context.SnapshotEnd} AS DATE)" : "b.snap";
        return $"sum(x.n) FILTER (WHERE {flag} AND x.s < {after} AND (x.e IS NULL OR x.e >= {after}))";
    }

    /// <summary>The count or rate of one lifecycle function over the bucket [b0, b1).</summary>
    private static string Count(PlanContext context, string function, string flag)
    {
        const string active = "x.s < b.b0 AND (x.e IS NULL OR x.e >= b.b0)";
        const string started = "x.s >= b.b0 AND x.s < b.b1";
        const string ended = "x.e >= b.b0 AND x.e < b.b1";
        string Sum(string condition) => $"sum(x.n) FILTER (WHERE {flag} AND {condition})";
        return function switch
        {
            "active" => Sum(active),
            "new" => Sum(started),
            "churned" => Sum(ended),
            // Customers at the start who left during the bucket; those who start and leave inside it are not in the rate.
            "churn_rate" => $"(100.0 * {context.Dialect.SafeDivide($"coalesce({Sum($"x.s < b.b0 AND {ended}")}, 0)", Sum(active))})",
            "loss_to_gain" => context.Dialect.SafeDivide($"coalesce({Sum(ended)}, 0)", Sum(started)),
            _ => throw new PlanningException($"'{function}' is not a lifecycle count"),
        };
    }
}
