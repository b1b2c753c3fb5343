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
        var inCurrent = grain is null && context.Compared is not null && time is not null
            ? context.LocalDateWithin(column!, time, context.CurrentFrom, null)
            : null;
        var bucket = inCurrent is not null ? context.PeriodBucket(inCurrent) : Bucket(context, grain, day);
        var columns = new List<SqlColumn> { new(bucket, "bucket") };
        columns.AddRange(dimensions.Where(d => d.Grain is null).Select((d, i) => new SqlColumn(rows.Compile(d.BySource[source.Name]), $"d{i}")));
        var keys = columns.Count;
        var inputs = atoms.Select(a => AggregateInputs.Of(a.Aggregate, rows, column)).ToArray();

        var filters = new List<string>();
        if (time is not null) filters.Add(context.LocalDateWithin(column!, time, context.From, context.To));
        filters.AddRange(context.RowFilters(source.Name, rows, where));
        var name = PlanContext.TableName(source.Name, "by", grain);
        var hasDimensions = dimensions.Any(d => d.Grain is null);
        if (atoms.Count > 0 && atoms.All(a => AggregateLowering.CountsRows(a.Aggregate)))
        {
            var (key, bucketOf) = CountedKey(context, grain, day, inCurrent, bucket);
            columns[0] = new SqlColumn(key, "bucket");
            return new TableSql(name, PreCounted(context, columns, keys, atoms, inputs, joins.From, filters, bucketOf), hasDimensions);
        }
        var keyed = grain is { } unit && day is not null ? unit : (TimeUnit?)null;
        if (keyed is { } u) columns[0] = new SqlColumn(context.Dialect.UnitKey(u, day!), "bucket");
        columns.AddRange(atoms.Select((a, i) => new SqlColumn(AggregateLowering.Lower(context.Dialect, a.Aggregate.Function.Name, inputs[i]), a.Column)));
        var sql = new SqlSelect(columns)
        {
            From = joins.From,
            Where = filters,
            GroupBy = SqlSelect.FirstColumns(keys),
        };
        return new TableSql(name, keyed is { } k ? UnitKeyedRows.WithFirstDays(context.Dialect, k, sql, "bucket") : sql, hasDimensions);
    }

    /// <summary>
    /// Aggregates made of row counts alone (NPS, CSAT, shares, counts; CES of whole numbers) over rows counted first per bucket, dimensions,
    /// answer and <c>where</c>: a few groups (a score takes eleven values) instead of a <c>FILTER</c> per aggregate
    /// evaluated on every row. The counts are whole numbers, so every figure is the same. With
    /// <paramref name="bucketOf"/> the rows are counted by a finer or cheaper first key, which it turns into the bucket.
    /// </summary>
    private static SqlSelect PreCounted(PlanContext context, List<SqlColumn> keys, int keyCount, IReadOnlyList<Atom> atoms,
        IReadOnlyList<AggregateInputs> inputs, SqlFrom from, IReadOnlyList<string> filters, Func<string, string>? bucketOf)
    {
        var values = inputs.Select(i => i.Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var wheres = inputs.Select(i => i.Filter).Where(f => f != "TRUE").Distinct(StringComparer.Ordinal).ToList();
        var counted = new SqlSelect([
            .. keys,
            .. values.Select((v, i) => new SqlColumn(v, $"v{i}")),
            .. wheres.Select((w, i) => new SqlColumn(w, $"w{i}")),
            new SqlColumn("count(*)", "n"),
        ])
        {
            From = from,
            Where = filters,
            GroupBy = SqlSelect.FirstColumns(keyCount + values.Count + wheres.Count),
        };
        var columns = keys.Select(k => new SqlColumn($"x.{k.Name}")).ToList();
        if (bucketOf is not null) columns[0] = new SqlColumn(bucketOf("x.bucket"), "bucket");
        columns.AddRange(atoms.Select((a, i) =>
        {
            var read = inputs[i] with
            {
                Value = inputs[i].Value is { } v ? $"x.v{values.IndexOf(v)}" : null,
                Filter = inputs[i].Filter == "TRUE" ? "TRUE" : $"x.w{wheres.IndexOf(inputs[i].Filter)}",
                RowsCounted = "x.n",
            };
            return new SqlColumn(AggregateLowering.Lower(context.Dialect, a.Aggregate.Function.Name, read), a.Column);
        }));
        return new SqlSelect(columns)
        {
            From = new SqlFrom(new SqlSubquery(counted, "x")),
            GroupBy = SqlSelect.FirstColumns(keyCount),
        };
    }

    /// <summary>
    /// The first key rows are counted by, and what makes it the bucket over the counted rows (null: it is the bucket).
    /// A cheaper key than the bucket where there is one: the period as 1 or 0 rather than its first day (DuckDB groups
    /// a small whole number with a known range in an array, not a hash table: about twice as fast over 10M answers),
    /// the local day rather than its week, month, quarter or year (truncating a date costs three times grouping by it:
    /// 6.4M answers by month, 239 against 67 ms); a day is its own bucket.
    /// </summary>
    private static (string Key, Func<string, string>? BucketOf) CountedKey(PlanContext context, TimeUnit? grain, string? day, string? inCurrent, string bucket) =>
        inCurrent is not null ? ($"(CASE WHEN {inCurrent} THEN 1 ELSE 0 END)", counted => context.PeriodBucket($"{counted} = 1"))
        : grain is { } unit && day is not null ? (day, unit == TimeUnit.Day ? null : counted => context.Dialect.Truncate(unit, counted))
        : (bucket, null);

    /// <summary>
    /// The bucket a row falls in: the first day of its grain unit, or when ungrouped the period start (with a compared
    /// period, the start of the period its day is in).
    /// </summary>
    public static string Bucket(PlanContext context, TimeUnit? grain, string? day) =>
        grain is { } unit && day is not null
            ? context.Dialect.Truncate(unit, day)
            : context.PeriodBucket(day is null || context.Compared is null ? null : $"{day} >= CAST({context.CurrentFrom} AS DATE)");
}
