using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// One scan of a source's rows in the period, grouped by bucket and dimensions, computing all the row aggregates
/// the query needs from it, each with its metric's <c>where</c> as a <c>FILTER</c>.
/// </summary>
public static class EventTable
{
    public static TableSql Build(PlanContext context, SourceModel source, TimeUnit? grain, IReadOnlyList<Atom> atoms,
        IReadOnlyList<QueryDimension> dimensions, IReadOnlyDictionary<string, BoundExpression>? where)
    {
        var joins = new JoinPlan(context.Model, source.Name, "r");
        var rows = new RowSql(context.Dialect, joins, context.Parameters, context.ParamValues);
        var time = source.TimeAxis;
        var column = time is null ? null : rows.Compile(new BoundField(source.Name, [], time, time.Span));
        var day = time is null ? null : context.LocalDateInPeriod(column!, time); // the rows are the period's: see the filter below

        // Compared periods: the row's period from its time itself, as the filter below selects it (no local date per row).
        var bucket = grain is null && context.Compared is not null && time is not null
            ? context.PeriodBucket(context.LocalDateWithin(column!, time, context.CurrentFrom, null))
            : Bucket(context, grain, day);
        var columns = new List<SqlColumn> { new(bucket, "bucket") };
        columns.AddRange(dimensions.Where(d => d.Grain is null).Select((d, i) => new SqlColumn(rows.Compile(d.BySource[source.Name]), $"d{i}")));
        foreach (var atom in atoms)
        {
            var aggregate = atom.Aggregate;
            var inputs = AggregateInputs.Of(aggregate, rows, column);
            columns.Add(new SqlColumn(AggregateLowering.Lower(context.Dialect, aggregate.Function.Name, inputs), atom.Column));
        }

        var filters = new List<string>();
        if (time is not null) filters.Add(context.LocalDateWithin(column!, time, context.From, context.To));
        filters.AddRange(context.RowFilters(source.Name, rows, where));
        var sql = new SqlSelect(columns)
        {
            From = joins.From,
            Where = filters,
            GroupBy = SqlSelect.FirstColumns(1 + dimensions.Count(d => d.Grain is null)),
        };
        return new TableSql(PlanContext.TableName(source.Name, "by", grain), sql, dimensions.Any(d => d.Grain is null));
    }

    /// <summary>
    /// The bucket a row falls in: the first day of its grain unit, or when ungrouped the period start (with a compared
    /// period, the start of the period its day is in).
    /// </summary>
    public static string Bucket(PlanContext context, TimeUnit? grain, string? day) =>
        grain is { } unit && day is not null
            ? context.Dialect.Truncate(unit, day)
            : context.PeriodBucket(day is null || context.Compared is null ? null : $"{day} >= CAST({context.CurrentFrom} AS DATE)");
}
