using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Warehouse;
using FieldKind = CxReports.Dsl.Model.FieldKind;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Engine.Planning;

/// <summary>
/// Plans a bound query as one set-based statement: one table per source and grain computing all its aggregates,
/// a frame of every bucket × every dimension value seen, and the metrics composed over the frame, so empty
/// buckets appear with 0 or null as each metric's definition says.
/// </summary>
public sealed class QueryPlanner(PlanContext context)
{
    public PlannedQuery Plan(BoundQuery query)
    {
        var grain = query.Grain;
        var dimensions = query.Dimensions;
        var fieldDimensions = dimensions.Where(d => d.Grain is null).ToArray();
        var compiler = new MetricCompiler(context, grain);
        var metrics = query.Metrics.Select(m => (m.Name, Sql: compiler.Compile(m.Expression, m.Name, m.At))).ToArray();
        // `top N by` a metric that is not a column of the query ranks the rows without being shown: it is computed
        // with the others (before the tables are built, so its aggregates are in them) and ordered by directly.
        var querySources = compiler.Atoms.Select(a => a.Aggregate.Source).ToHashSet();
        var rankBy = query.Top is { OrderByMetric: { } ranking, OrderBy: var rankName } ? compiler.Compile(ranking, rankName ?? "rank") : null;
        // The binder resolves field dimensions and the where for the query's metrics' sources only, so a ranking
        // metric over another source could be neither grouped nor filtered like the rows it ranks.
        if ((fieldDimensions.Length > 0 || query.Where is not null) &&
            compiler.Atoms.FirstOrDefault(a => !querySources.Contains(a.Aggregate.Source)) is { } foreign)
            throw new PlanningException($"'top {query.Top!.Count} by {query.Top.OrderBy}' reads source '{foreign.Aggregate.Source}', which no metric " +
                                        $"of the query reads, so the query's dimensions and where do not apply to it; add {query.Top.OrderBy} to the query's metrics");

        var tables = new List<TableSql> { Buckets(grain) };
        if (compiler.MonthlyColumns.Count > 0 && grain != TimeUnit.Month) tables.Add(Buckets(TimeUnit.Month));
        tables.AddRange(SourceTables(compiler.Atoms, query, grain));
        var monthLevel = tables.Where(t => t.Name.EndsWith("_month", StringComparison.Ordinal) && IsAtomTable(t, compiler.Atoms)).ToArray();
        var queryLevel = tables.Where(t => IsAtomTable(t, compiler.Atoms) && compiler.Atoms.Any(a => a.Table == t.Name && a.Grain == grain)).ToArray();

        if (compiler.MonthlyColumns.Count > 0)
        {
            tables.Add(Frame("frame_month", TimeUnit.Month, monthLevel, fieldDimensions.Length));
            tables.Add(new TableSql(MetricCompiler.MonthlyTable,
                $"SELECT m.bucket{Dims("m", fieldDimensions.Length)}" + string.Concat(compiler.MonthlyColumns.Select(c => $",\n    {c.Sql} AS {Sql.Identifier(c.Column)}")) +
                $"\n  FROM frame_month m{Joins("m", monthLevel, fieldDimensions.Length)}", true));
            tables.Add(new TableSql(MetricCompiler.RollupTable,
                $"SELECT {EventTable.Bucket(context, grain, "x.bucket")} AS bucket{Dims("x", fieldDimensions.Length)}" +
                string.Concat(compiler.MonthlyColumns.Select(c => $",\n    avg(x.{Sql.Identifier(c.Column)}) AS {Sql.Identifier(c.Column)}")) +
                $"\n  FROM {MetricCompiler.MonthlyTable} x {Sql.GroupByFirst(1 + fieldDimensions.Length)}", true));
            queryLevel = [.. queryLevel, tables[^1]];
        }
        tables.Add(Frame("frame", grain, queryLevel, fieldDimensions.Length));

        var select = new List<string>();
        var columns = new List<ResultColumn>();
        var fieldIndex = 0;
        foreach (var dimension in dimensions)
        {
            if (dimension.Grain is not null)
            {
                select.Add($"f.bucket AS {Sql.Identifier(dimension.Name)}");
                columns.Add(new ResultColumn(dimension.Name, ColumnType.Date) { Grain = dimension.Grain });
            }
            else
            {
                select.Add($"f.d{fieldIndex++} AS {Sql.Identifier(dimension.Name)}");
                var field = dimension.BySource.Values.First().Field;
                var type = TypeOf(field.Type);
                columns.Add(new ResultColumn(dimension.Name, type, Meaning.None with { Label = field.Label.For(context.Locale) })
                {
                    DeclaredOrder = type == ColumnType.Text ? BucketBands.Of(field.Derivation) ?? field.Choices?.Select(c => ValueKey.Of(c)!).ToArray() : null,
                    Labels = field.Labels?.ToDictionary(l => ValueKey.Of(l.Code)!, l => l.Label, StringComparer.Ordinal),
                });
            }
        }
        foreach (var (metric, (name, sql)) in query.Metrics.Zip(metrics))
        {
            var integer = IsCount(metric.Expression, grain);
            select.Add($"{(integer ? $"CAST({sql} AS BIGINT)" : $"CAST({sql} AS DOUBLE PRECISION)")} AS {Sql.Identifier(name)}");
            columns.Add(new ResultColumn(name, integer ? ColumnType.Integer : ColumnType.Number, metric.Meaning) { MarginOf = metric.MarginOf, AsOf = AsOf(metric, grain) });
        }

        // The rows are put in order (and a top N cut) once read, with the report locale's collation (RowOrder); a
        // top N by a metric narrows them here to the rows ranked N or better on it, ties included, so no more rows
        // than needed leave the engine and the cut among ties is the same on every engine.
        var (order, rankOn, rankDescending) = Order(query, columns);
        var body = $"SELECT {string.Join(",\n  ", select)}{(rankOn == RankedValue ? $",\n  {rankBy} AS {RankedValue}" : "")}\nFROM frame f{Joins("f", queryLevel, fieldDimensions.Length)}";
        var with = "WITH\n" + string.Join(",\n", tables.Select(t => $"{Sql.Identifier(t.Name)} AS (\n  {t.Sql}\n)"));
        var sqlText = rankOn is null
            ? $"{with}\n{body}"
            : $"{with},\ncxr_result AS (\n  {body}\n)\nSELECT {string.Join(", ", columns.Select(c => "r." + Sql.Identifier(c.Name)))}, r.cxr_rank\n" +
              $"FROM (SELECT x.*, rank() OVER (ORDER BY x.{rankOn} {(rankDescending ? "DESC" : "ASC")} NULLS LAST) AS cxr_rank FROM cxr_result x) r\n" +
              $"WHERE r.cxr_rank <= {query.Top!.Count}";
        return new PlannedQuery(sqlText, context.Parameters.Values, columns) { Order = order };
    }

    /// <summary>The column a ranking metric that is not shown is computed into.</summary>
    private const string RankedValue = "cxr_rank_by";

    /// <summary>
    /// The order of the rows: the <c>order by</c> keys, else the top N's ranking, then every dimension in query order
    /// (so rows tied on the keys keep a stable order). A top N ranks by its <c>by</c> (default: its <c>order by</c>,
    /// else the first metric, largest first); when that starts with a metric, the SQL ranks on it (the column to rank on).
    /// </summary>
    private (RowOrder Order, string? RankOn, bool RankDescending) Order(BoundQuery query, List<ResultColumn> columns)
    {
        var dimensionCount = query.Dimensions.Count;
        int ColumnOf(string name) => columns.FindIndex(c => c.Name == name);
        var display = query.Order.Select(k => new RowSortKey(ColumnOf(k.Column), k.Descending)).ToList();
        List<RowSortKey>? ranking = null;
        string? rankOn = null;
        var rankDescending = false;
        if (query.Top is { } top)
        {
            var byRank = new RowSortKey(RowOrder.Rank, false);
            if (top.OrderByMetric is not null)
                (ranking, rankOn, rankDescending) = ([byRank], RankedValue, !top.Ascending);
            else if (top.OrderBy is { } name && ColumnOf(name) is var column && column < dimensionCount)
                ranking = [new RowSortKey(column, !top.Ascending)];
            else if (top.OrderBy is { } metric)
                (ranking, rankOn, rankDescending) = ([byRank], Sql.Identifier(metric), !top.Ascending);
            else if (display.Count > 0)
            {
                ranking = [.. display];
                if (ranking[0].Column >= dimensionCount)
                    (rankOn, rankDescending, ranking[0]) = (Sql.Identifier(columns[ranking[0].Column].Name), ranking[0].Descending, byRank);
            }
            else
                (ranking, rankOn, rankDescending) = ([byRank], Sql.Identifier(columns[dimensionCount].Name), !top.Ascending);
            if (display.Count == 0) display = [.. ranking!];
        }
        List<RowSortKey> WithDimensions(List<RowSortKey> keys) =>
            [.. keys, .. Enumerable.Range(0, dimensionCount).Where(i => keys.All(k => k.Column != i)).Select(i => new RowSortKey(i, false))];
        return (new RowOrder(WithDimensions(display), ranking is null ? null : WithDimensions(ranking), query.Top?.Count, rankOn is not null, context.Locale),
            rankOn, rankDescending);
    }

    /// <summary>The day a snapshot of the whole period is taken at the end of (see <see cref="ResolvedPeriod.EffectiveEnd"/>).</summary>
    private DateOnly? AsOf(QueryMetric metric, TimeUnit? grain) => (metric.At, grain) switch
    {
        (Moment.End, null) => context.Period.EffectiveEnd(),
        (Moment.Start, null) when context.Period.From > DateOnly.MinValue => context.Period.From.AddDays(-1),
        _ => null,
    };

    private IEnumerable<TableSql> SourceTables(IReadOnlyList<Atom> atoms, BoundQuery query, TimeUnit? grain)
    {
        foreach (var group in atoms.GroupBy(a => (a.Aggregate.Source, a.Kind, a.Grain)))
        {
            var source = context.Model.Sources[group.Key.Source];
            var list = group.ToArray();
            switch (group.Key.Kind)
            {
                case AtomKind.Event:
                    yield return EventTable.Build(context, source, group.Key.Grain, list, query.Dimensions, query.Where);
                    break;
                case AtomKind.Lifecycle:
                    foreach (var table in LifecycleTable.Build(context, source, group.Key.Grain, list, query.Dimensions, query.Where, BucketsName(group.Key.Grain)))
                        yield return table;
                    break;
                case AtomKind.Revenue:
                    foreach (var table in RevenueTable.Build(context, source, list, query.Dimensions, query.Where))
                        yield return table;
                    break;
            }
        }
    }

    private static bool IsAtomTable(TableSql table, IReadOnlyList<Atom> atoms) => atoms.Any(a => a.Table == table.Name);

    private static string BucketsName(TimeUnit? grain) => $"buckets_{PlanContext.Grain(grain)}";

    /// <summary>Every bucket of the period with its clipped bounds [b0, b1).</summary>
    private TableSql Buckets(TimeUnit? grain)
    {
        if (grain is { } g && context.Period.Buckets(g) is var count && count > context.MaxBuckets)
            throw new TooManyBucketsException(context.Period, g, count, context.MaxBuckets);
        var d = context.Dialect;
        var end = d.AddUnits($"CAST({context.To} AS DATE)", TimeUnit.Day, 1);
        var sql = grain is { } unit
            ? $"SELECT s.bucket, greatest(s.bucket, CAST({context.From} AS DATE)) AS b0, least({d.AddUnits("s.bucket", unit, 1)}, {end}) AS b1\n  FROM ({d.BucketSeries(unit, context.From, context.To)}) s"
            : $"SELECT CAST({context.From} AS DATE) AS bucket, CAST({context.From} AS DATE) AS b0, {end} AS b1";
        return new TableSql(BucketsName(grain), sql, false);
    }

    /// <summary>Every bucket × every dimension combination seen in the tables the metrics read.</summary>
    private static TableSql Frame(string name, TimeUnit? grain, IReadOnlyList<TableSql> tables, int dimensionCount)
    {
        if (dimensionCount == 0 || tables.Count == 0)
            return new TableSql(name, $"SELECT bucket FROM {BucketsName(grain)}", false);
        var seen = string.Join(" UNION ", tables.Select(t => $"SELECT DISTINCT {string.Join(", ", Enumerable.Range(0, dimensionCount).Select(i => $"d{i}"))} FROM {Sql.Identifier(t.Name)}"));
        return new TableSql(name, $"SELECT b.bucket{Dims("v", dimensionCount)} FROM {BucketsName(grain)} b CROSS JOIN ({seen}) v", true);
    }

    private static string Dims(string alias, int count) => string.Concat(Enumerable.Range(0, count).Select(i => $", {alias}.d{i}"));

    private string Joins(string frame, IReadOnlyList<TableSql> tables, int dimensionCount) => string.Concat(tables.Select(t =>
        $"\n  LEFT JOIN {Sql.Identifier(t.Name)} ON {Sql.Identifier(t.Name)}.bucket = {frame}.bucket" +
        (t.HasDimensions ? string.Concat(Enumerable.Range(0, dimensionCount).Select(i => $" AND {context.Dialect.SameValue($"{Sql.Identifier(t.Name)}.d{i}", $"{frame}.d{i}")}")) : "")));

    /// <summary>
    /// Whether a metric column holds whole counts. A monthly count (<c>paying</c>) over a bucket other than a month
    /// is the mean of its months (4.5 paying accounts a month), not a count, so it stays a number.
    /// </summary>
    private bool IsCount(BoundExpression expression, TimeUnit? grain) => expression switch
    {
        BoundAggregate a => a.Function.ZeroWhenEmpty && a.Function.Unit == Unit.Count && !(a.Function.Monthly && grain != TimeUnit.Month),
        BoundMetricReference r => !context.Model.Metrics[r.Metric].PerMonth && IsCount(context.Model.Metrics[r.Metric].Expression, grain),
        _ => false,
    };

    /// <summary>The column type a field's values are read back as.</summary>
    internal static ColumnType TypeOf(ValueType type) => type switch
    {
        ValueType.Integer or ValueType.Decimal or ValueType.Number => ColumnType.Number,
        ValueType.Date or ValueType.Timestamp => ColumnType.Date,
        ValueType.Boolean => ColumnType.Boolean,
        _ => ColumnType.Text,
    };
}
