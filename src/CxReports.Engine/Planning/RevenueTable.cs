using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// Recurring revenue per month (ChartMogul/Stripe definitions, metrics.md): MRR per entity and month from the
/// recurring rows, paired with the month before (p, q), classified into new, reactivation, expansion,
/// contraction and churned, and summed. The month before the period is read so its first month has a p.
/// </summary>
public static class RevenueTable
{
    public static IReadOnlyList<TableSql> Build(PlanContext context, SourceModel source, IReadOnlyList<Atom> atoms,
        IReadOnlyList<QueryDimension> dimensions, IReadOnlyDictionary<string, BoundExpression>? where)
    {
        if (context.Rollups.TryGetValue(RevenueTotals.Key(source), out var totals) && !Read(context, source, atoms, dimensions, where).Any())
            return FromTotals(context, source, totals, atoms);
        if (context.Rollups.TryGetValue(source.Name, out var rollup) && Readable(context, source, atoms, dimensions, where))
            return FromRollup(context, source, rollup, atoms, dimensions, where);
        var recurring = source.Recurring!;
        var joins = new JoinPlan(context.Model, source.Name, "r");
        var rows = new RowSql(context.Dialect, joins, context.Parameters, context.ParamValues);
        var time = source.TimeAxis!;
        var month = context.Dialect.Truncate(TimeUnit.Month, context.LocalDate(rows.Compile(new BoundField(source.Name, [], time, time.Span)), time));
        var dims = dimensions.Where(d => d.Grain is null).Select((d, i) => (Sql: rows.Compile(d.BySource[source.Name]), Name: $"d{i}")).ToArray();
        var filters = new List<string>();
        if (recurring.Where is { } w) filters.Add(rows.Compile(w));
        filters.AddRange(context.RowFilters(source.Name, rows, where));

        // A metric's own `where` picks the rows of its MRR alone: each distinct one is a slice with its own q, p and
        // first paid month, so `mrr where plan = "pro"` and `mrr` in one query do not share a filter.
        var atomSlices = atoms.Select(a => a.Aggregate.Filter is null ? "TRUE" : $"coalesce({rows.Compile(a.Aggregate.Filter)}, FALSE)").ToArray();
        var slices = atomSlices.Distinct().ToList();

        var functions = atoms.Select(a => a.Aggregate.Function.Name).ToHashSet(StringComparer.Ordinal);
        var needsFirstPaid = functions.Overlaps(FirstPaidMeasures);
        var needsPrevious = needsFirstPaid || functions.Overlaps(PreviousMonthMeasures);
        var firstMonth = context.Dialect.Truncate(TimeUnit.Month, $"CAST({context.From} AS DATE)");
        var lastMonth = $"CAST({context.To} AS DATE)";
        // Each month of the period needs only itself and the month before, so the entity × month sums are made for
        // those months alone: the same sums as over the whole history, from a fraction of its groups. The first paid
        // month of new and reactivated MRR looks at the whole history, so then every month is summed.
        if (!needsFirstPaid)
            filters.Add($"{month} BETWEEN {(needsPrevious ? context.Dialect.AddUnits(firstMonth, TimeUnit.Month, -1) : firstMonth)} AND {lastMonth}");

        var entity = $"r.{Sql.Identifier(recurring.Entity.Name)}";
        var amount = $"r.{Sql.Identifier(recurring.Amount.Name)}";
        var allMonths = new SqlSelect([
            new SqlColumn(entity, "entity"), new SqlColumn(month, "m"),
            .. dims.Select(d => new SqlColumn(d.Sql, d.Name)),
            .. slices.Select((f, k) => new SqlColumn($"sum({amount}) FILTER (WHERE {f})", $"q{k}")),
        ])
        {
            From = joins.From,
            Where = [$"{entity} IS NOT NULL", .. filters],
            GroupBy = SqlSelect.FirstColumns(2 + dims.Length),
        };

        var perEntity = PlanContext.TableName(source.Name, "mrr", null);
        var columns = new List<SqlColumn> { new("x.m", "bucket") };
        columns.AddRange(dims.Select(d => new SqlColumn($"x.{d.Name}")));
        columns.AddRange(atoms.Select((a, i) => new SqlColumn(Measure(context, a.Aggregate.Function.Name, EntityMonths(slices.IndexOf(atomSlices[i]), "f")), a.Column)));
        var inPeriod = $"x.m BETWEEN {firstMonth} AND {lastMonth}";
        var monthlyName = PlanContext.TableName(source.Name, "revenue", TimeUnit.Month);
        if (!needsPrevious)
        {
            // MRR, paying accounts and ARPA read each month's own sums: no pairing with the month before.
            var own = new SqlSelect(columns) { From = new SqlFrom(new SqlTableSource(perEntity, "x")), Where = [inPeriod], GroupBy = SqlSelect.FirstColumns(1 + dims.Length) };
            return [new TableSql(perEntity, allMonths, false), new TableSql(monthlyName, own, dims.Length > 0)];
        }

        var firstPaid = PlanContext.TableName(source.Name, "first_paid", null);
        var sameDims = string.Concat(dims.Select(d => $" AND {context.Dialect.SameValue($"p.{d.Name}", $"c.{d.Name}")}"));
        var pairs = new SqlSelect([
            new SqlColumn($"coalesce(c.m, {context.Dialect.AddUnits("p.m", TimeUnit.Month, 1)})", "m"), new SqlColumn("coalesce(c.entity, p.entity)", "entity"),
            .. dims.Select(d => new SqlColumn($"coalesce(c.{d.Name}, p.{d.Name})", d.Name)),
            .. slices.SelectMany((_, k) => new[] { new SqlColumn($"coalesce(p.q{k}, 0)", $"p{k}"), new SqlColumn($"coalesce(c.q{k}, 0)", $"q{k}") }),
        ])
        {
            From = new SqlFrom(new SqlTableSource(perEntity, "c"), [new SqlJoin(SqlJoinKind.Full, new SqlTableSource(perEntity, "p"),
                $"p.entity = c.entity{sameDims} AND p.m = {context.Dialect.AddUnits("c.m", TimeUnit.Month, -1)}")]),
        };
        var pairsName = PlanContext.TableName(source.Name, "mrr_pairs", null);

        var monthly = new SqlSelect(columns)
        {
            From = new SqlFrom(new SqlTableSource(pairsName, "x"),
                needsFirstPaid ? [new SqlJoin(SqlJoinKind.Left, new SqlTableSource(firstPaid, "f"), "f.entity = x.entity")] : []),
            Where = [inPeriod],
            GroupBy = SqlSelect.FirstColumns(1 + dims.Length),
        };
        if (!needsFirstPaid)
            return [new TableSql(perEntity, allMonths, false), new TableSql(pairsName, pairs, false), new TableSql(monthlyName, monthly, dims.Length > 0)];

        var firstPaidMonths = new SqlSelect([
            "entity", .. slices.Select((_, k) => new SqlColumn($"min(m) FILTER (WHERE q{k} > 0)", $"first_m{k}")),
        ])
        {
            From = new SqlFrom(new SqlTableSource(perEntity)),
            GroupBy = SqlSelect.FirstColumns(1),
        };
        return
        [
            new TableSql(perEntity, allMonths, false),
            new TableSql(firstPaid, firstPaidMonths, false),
            new TableSql(pairsName, pairs, false),
            new TableSql(monthlyName, monthly, dims.Length > 0),
        ];
    }

    /// <summary>Measures that tell a new account from a returning one by its first paid month over the whole history.</summary>
    private static readonly string[] FirstPaidMeasures = ["mrr_new", "mrr_reactivation", "net_mrr_churn"];

    /// <summary>Measures that compare an account's month with the month before.</summary>
    private static readonly string[] PreviousMonthMeasures = ["mrr_expansion", "mrr_contraction", "mrr_churned", "mrr_churn", "grr", "nrr"];

    /// <summary>
    /// Whether the query can read the source's rollup: every dimension, metric filter and row filter on the source
    /// reads through its entity (<see cref="RevenueRollup.ReadsThroughEntity"/>).
    /// </summary>
    private static bool Readable(PlanContext context, SourceModel source, IReadOnlyList<Atom> atoms, IReadOnlyList<QueryDimension> dimensions,
        IReadOnlyDictionary<string, BoundExpression>? where) =>
        Read(context, source, atoms, dimensions, where).All(e => RevenueRollup.ReadsThroughEntity(e, source.Recurring!.Entity));

    /// <summary>Every row expression the query evaluates on the source's rows: dimensions, metric filters, row filters.</summary>
    private static IEnumerable<BoundExpression> Read(PlanContext context, SourceModel source, IReadOnlyList<Atom> atoms,
        IReadOnlyList<QueryDimension> dimensions, IReadOnlyDictionary<string, BoundExpression>? where) =>
        dimensions.Where(d => d.Grain is null).Select(d => (BoundExpression)d.BySource[source.Name])
            .Concat(atoms.Select(a => a.Aggregate.Filter).OfType<BoundExpression>())
            .Concat(context.AppliedFilters(source.Name).SelectMany(f => new[] { f.Condition, f.Unless }).OfType<BoundExpression>())
            .Concat(where is not null && where.TryGetValue(source.Name, out var w) ? [w] : []);

    /// <summary>
    /// The same months from the month totals, for a query that keeps every entity-month: no dimension, no metric's
    /// <c>where</c> and no row filter on the source (<see cref="Read"/> gives nothing).
    /// </summary>
    private static IReadOnlyList<TableSql> FromTotals(PlanContext context, SourceModel source, string totals, IReadOnlyList<Atom> atoms)
    {
        var firstMonth = context.Dialect.Truncate(TimeUnit.Month, $"CAST({context.From} AS DATE)");
        var monthly = new SqlSelect([
            new SqlColumn($"x.{RevenueRollup.Month}", "bucket"),
            .. atoms.Select(a => new SqlColumn(Measure(context, a.Aggregate.Function.Name, RevenueTotals.Sum), a.Column)),
        ])
        {
            From = new SqlFrom(new SqlTableSource(totals, "x")),
            Where = [$"x.{RevenueRollup.Month} BETWEEN {firstMonth} AND CAST({context.To} AS DATE)"],
            GroupBy = SqlSelect.FirstColumns(1),
        };
        return [new TableSql(PlanContext.TableName(source.Name, "revenue", TimeUnit.Month), monthly, false)];
    }

    /// <summary>
    /// The same months from the rollup: its rows of the period (and the month before it) are already paired, so a
    /// metric's own <c>where</c>, true or false for a whole entity, keeps or zeroes the entity's p, q and first month.
    /// Fields of the entity that the rollup carries are read from its own columns; any other joins the entities.
    /// </summary>
    private static IReadOnlyList<TableSql> FromRollup(PlanContext context, SourceModel source, string rollup, IReadOnlyList<Atom> atoms,
        IReadOnlyList<QueryDimension> dimensions, IReadOnlyDictionary<string, BoundExpression>? where)
    {
        var joins = new JoinPlan(context.Model, rollup, "r");
        var entity = source.Recurring!.Entity;
        var carried = RevenueRollup.Carried(context.Model, source);
        if (Read(context, source, atoms, dimensions, where).All(e => RevenueRollup.ReadsCarriedOnly(e, entity, carried)))
            joins.Carrying(entity);
        var rows = new RowSql(context.Dialect, joins, context.Parameters, context.ParamValues);
        var dims = dimensions.Where(d => d.Grain is null).Select((d, i) => (Sql: rows.Compile(d.BySource[source.Name]), Name: $"d{i}")).ToArray();
        var atomSlices = atoms.Select(a => a.Aggregate.Filter is null ? "TRUE" : $"coalesce({rows.Compile(a.Aggregate.Filter)}, FALSE)").ToArray();
        var slices = atomSlices.Distinct().ToList();
        var firstMonth = context.Dialect.Truncate(TimeUnit.Month, $"CAST({context.From} AS DATE)");
        var filters = context.RowFilters(source.Name, rows, where).Prepend($"r.{RevenueRollup.Month} BETWEEN {firstMonth} AND CAST({context.To} AS DATE)").ToArray();
        string In(string slice, string column, string otherwise) => slice == "TRUE" ? $"r.{column}" : $"CASE WHEN {slice} THEN r.{column} ELSE {otherwise} END";
        var pairs = new SqlSelect([
            new SqlColumn($"r.{RevenueRollup.Month}", "m"),
            .. dims.Select(d => new SqlColumn(d.Sql, d.Name)),
            .. slices.SelectMany((f, k) => new[]
            {
                new SqlColumn(In(f, RevenueRollup.Previous, "0"), $"p{k}"), new SqlColumn(In(f, RevenueRollup.Current, "0"), $"q{k}"),
                new SqlColumn(In(f, RevenueRollup.FirstPaid, "NULL"), $"first_m{k}"),
            }),
        ])
        {
            From = joins.From,
            Where = filters,
        };
        var pairsName = PlanContext.TableName(source.Name, "mrr_rollup", null);
        var columns = new List<SqlColumn> { new("x.m", "bucket") };
        columns.AddRange(dims.Select(d => new SqlColumn($"x.{d.Name}")));
        columns.AddRange(atoms.Select((a, i) => new SqlColumn(Measure(context, a.Aggregate.Function.Name, EntityMonths(slices.IndexOf(atomSlices[i]), "x")), a.Column)));
        var monthly = new SqlSelect(columns) { From = new SqlFrom(new SqlTableSource(pairsName, "x")), GroupBy = SqlSelect.FirstColumns(1 + dims.Length) };
        return [new TableSql(pairsName, pairs, false), new TableSql(PlanContext.TableName(source.Name, "revenue", TimeUnit.Month), monthly, dims.Length > 0)];
    }

    /// <summary>One revenue measure of the month from the month's sums (<see cref="RevenueSums"/>), each given by <paramref name="sum"/>.</summary>
    private static string Measure(PlanContext context, string function, Func<string, string> sum)
    {
        string Z(string s) => $"coalesce({s}, 0)";
        string Percent(string numerator, string denominator) => $"(100.0 * {context.Dialect.SafeDivide(numerator, denominator)})";
        return function switch
        {
            "mrr" => sum("mrr"),
            "paying" => sum("paying"),
            "arpa" => context.Dialect.SafeDivide(sum("paying_mrr"), sum("paying")),
            "mrr_new" => sum("new_mrr"),
            "mrr_reactivation" => sum("reactivation"),
            "mrr_expansion" => sum("expansion"),
            "mrr_contraction" => sum("contraction"),
            "mrr_churned" => sum("churned"),
            "mrr_churn" => Percent($"{Z(sum("churned"))} + {Z(sum("contraction"))}", sum("previous")),
            "net_mrr_churn" => Percent($"{Z(sum("churned"))} + {Z(sum("contraction"))} - {Z(sum("expansion"))} - {Z(sum("reactivation"))}", sum("previous")),
            "grr" => Percent(sum("kept"), sum("previous")),
            "nrr" => Percent(sum("retained"), sum("previous")),
            _ => throw new PlanningException($"'{function}' is not a revenue measure"),
        };
    }

    /// <summary>The sums of slice <paramref name="k"/>'s entity-months x, their first paid month read from <paramref name="firstPaid"/> (the first paid months joined as f, or the rollup's own rows x).</summary>
    private static Func<string, string> EntityMonths(int k, string firstPaid) =>
        name => RevenueSums.Over(name, $"x.p{k}", $"x.q{k}", $"{firstPaid}.first_m{k}", "x.m");
}
