using System.Globalization;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// Queries of one report that count the same lifecycle entities and differ only in how they group them ("new
/// customers and churn by contract band", "... by city") as one statement that scans the source once, the way BI
/// engines fuse queries. The entity counts of all of them are one <c>GROUP BY GROUPING SETS</c> (one set per
/// query's dimensions; <c>GROUPING()</c> tells the sets apart, so a dimension's own null value stays its group), kept
/// as a materialized table; each query reads its set back in place of its own scan and is otherwise unchanged. Counts
/// are sums of whole numbers, so every figure is exactly the separate statement's. The queries' rows come back
/// together (<c>UNION ALL</c>), each led by its part's number, and are split back into each query's table, ordered
/// and cut by its own <see cref="Results.RowOrder"/>. Entity counts by day (a period's table) and by month (a monthly
/// rate's) share the scan too: the months are summed from the days.
/// </summary>
public static class SharedScan
{
    /// <summary>The column that leads each row of a shared statement: the number of the part (query) it belongs to.</summary>
    public const string PartColumn = "cxr_part";

    /// <summary>
    /// The groups of queries (by block) that gain from sharing a scan: at least two queries whose rows have the same
    /// types and that each share an entity scan with another of the group. Queries in none are left to run alone.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Groups(IReadOnlyList<(string Block, QueryPlan Plan)> plans)
    {
        foreach (var shape in plans.GroupBy(p => Shape(p.Plan), StringComparer.Ordinal))
        {
            var group = shape.ToList();
            // A query that shares no scan with another of the group gains nothing; leaving it out may leave another alone.
            while (true)
            {
                var shared = SharedRows(group);
                var kept = group.Where(p => Scans(p.Plan).Any(s => shared.Contains(s.Scan!.Rows))).ToList();
                if (kept.Count == group.Count) break;
                group = kept;
            }
            if (group.Count >= 2) yield return group.Select(p => p.Block).ToArray();
        }
    }

    /// <summary>
    /// One statement computing a group of queries (<see cref="Groups"/>) planned on one context (one period and one
    /// set of bound parameters, so equal conditions are equal text, and no parameter of a query outside the group);
    /// null when it cannot be written as one (too many dimensions for <c>GROUPING()</c>).
    /// </summary>
    public static PlannedQuery? Statement(PlanContext context, IReadOnlyList<(string Block, QueryPlan Plan)> group)
    {
        var shared = SharedRows(group);
        var scans = group.SelectMany(p => Scans(p.Plan)).Where(t => shared.Contains(t.Scan!.Rows))
            .GroupBy(t => t.Scan!.Rows, StringComparer.Ordinal).Select((g, i) => new Shared($"cxr_shared_{i}", g.ToList())).ToList();
        if (scans.Count == 0 || scans.Any(s => s.Dimensions.Length > MostDimensions)) return null;
        var readers = scans.SelectMany(s => s.Tables.Select(t => (t, Reader: s.Reader(context, t)))).ToDictionary<(TableSql t, SqlSelect Reader), TableSql, SqlSelect>(x => x.t, x => x.Reader, ReferenceEqualityComparer.Instance);

        var parts = group.Select((p, i) =>
        {
            var statement = p.Plan.Statement with
            {
                With = p.Plan.Statement.With.Select(w => p.Plan.Tables.FirstOrDefault(t => t.Name == w.Name && readers.ContainsKey(t)) is { } t
                    ? new SqlTable(w.Name, readers[t]) : w).ToArray(),
            };
            return new SqlSelect([new SqlColumn(i.ToString(CultureInfo.InvariantCulture), PartColumn), "q.*"]) { From = new SqlFrom(new SqlSubquery(statement, "q")) };
        }).ToArray();
        var statement = new SqlSelect(["u.*"])
        {
            With = [.. scans.Select(s => new SqlTable(s.Name, s.Query(context)) { Materialized = true })],
            From = new SqlFrom(new SqlSubquery(new SqlUnion(parts) { All = true }, "u")),
        };
        return new PlannedQuery(SqlWriter.Write(statement), context.Parameters.Values, group[0].Plan.Columns)
        {
            Parts = [.. group.Select(p => new SharedPart(p.Block, p.Plan.Columns, p.Plan.Order))],
        };
    }

    /// <summary>The types of a query's rows (and whether the SQL ranks them): the parts of one <c>UNION ALL</c> must agree.</summary>
    private static string Shape(QueryPlan plan) =>
        string.Join(",", plan.Columns.Select(c => c.Type)) + (plan.Rank is null ? "" : ",rank");

    private static IEnumerable<TableSql> Scans(QueryPlan plan) => plan.Tables.Where(t => t.Scan is not null);

    /// <summary>The scans (by the rows they read) that at least two queries of the group make.</summary>
    private static HashSet<string> SharedRows(IReadOnlyList<(string Block, QueryPlan Plan)> group) =>
        group.SelectMany(p => Scans(p.Plan).Select(t => t.Scan!.Rows).Distinct(StringComparer.Ordinal).Select(rows => (rows, p.Block)))
            .GroupBy(x => x.rows, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>PostgreSQL's <c>GROUPING()</c> takes at most 31 columns.</summary>
    private const int MostDimensions = 31;

    /// <summary>One scan shared by entity tables of several queries: named <paramref name="Name"/> in the statement.</summary>
    private sealed record Shared(string Name, IReadOnlyList<TableSql> Tables)
    {
        private EntityScan Scan => Tables[0].Scan!;

        /// <summary>Every dimension any of the tables groups by, once each: the columns c0, c1, ...</summary>
        public string[] Dimensions { get; } = Tables.SelectMany(t => t.Scan!.Dimensions).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>The grain the scan keeps its dates at: the tables' own if they agree, else days (the others sum them up).</summary>
        private Dsl.Model.TimeUnit? Truncation => Tables.Select(t => t.Scan!.Truncation).Distinct().Count() == 1 ? Scan.Truncation : null;

        private int[] Set(TableSql table) => table.Scan!.Dimensions.Select(d => Array.IndexOf(Dimensions, d)).Distinct().Order().ToArray();

        /// <summary>The entity counts of every table's dimensions in one grouping: a set per distinct list of dimensions.</summary>
        public SqlQuery Query(PlanContext context)
        {
            string Dated(string day) => Truncation is { } unit ? context.Dialect.UnitKey(unit, day) : day;
            var flags = Scan.Flags.Select((_, i) => $"f{i}").ToArray();
            var rows = new SqlSelect([
                new SqlColumn(Dated(Scan.Start), "s"), new SqlColumn(Dated(Scan.End), "e"),
                .. Dimensions.Select((d, i) => new SqlColumn(d, $"c{i}")),
                .. Scan.Flags.Select((f, i) => new SqlColumn(f, flags[i])),
            ])
            {
                From = Scan.From,
                Where = Scan.Where,
            };
            string[] keys = ["x.s", "x.e", .. flags.Select(f => $"x.{f}")];
            var dimensions = Dimensions.Select((_, i) => $"x.c{i}").ToArray();
            var sets = Tables.Select(Set).DistinctBy(set => string.Join(",", set)).Select(set => $"({string.Join(", ", [.. keys, .. set.Select(i => dimensions[i])])})");
            var grouped = new SqlSelect([
                .. keys.Select(k => new SqlColumn(k, k[2..])),
                .. dimensions.Select(d => new SqlColumn(d, d[2..])),
                .. dimensions.Length == 0 ? [] : new[] { new SqlColumn($"GROUPING({string.Join(", ", dimensions)})", "g") },
                new SqlColumn("count(*)", "n"),
            ])
            {
                From = new SqlFrom(new SqlSubquery(rows, "x")),
                GroupBy = dimensions.Length == 0 ? keys : [$"GROUPING SETS ({string.Join(", ", sets)})"],
            };
            return Truncation is { } unit ? UnitKeyedRows.WithFirstDays(context.Dialect, unit, grouped, "s", "e") : grouped;
        }

        /// <summary>
        /// A table's entity counts read back from the shared scan: its set's rows (<c>GROUPING()</c> has a bit set for
        /// each dimension not in the set, the first dimension's the highest), with its own columns; summed up to its
        /// grain when the scan keeps days.
        /// </summary>
        public SqlSelect Reader(PlanContext context, TableSql table)
        {
            var scan = table.Scan!;
            var set = Set(table);
            var mask = Enumerable.Range(0, Dimensions.Length).Where(i => !set.Contains(i)).Sum(i => 1L << (Dimensions.Length - 1 - i));
            var summed = scan.Truncation is { } unit && Truncation is null;
            string Dated(string column) => summed ? context.Dialect.Truncate(scan.Truncation!.Value, column) : column;
            var columns = new List<SqlColumn> { new(Dated("x.s"), "s"), new(Dated("x.e"), "e") };
            columns.AddRange(scan.Dimensions.Select((d, i) => new SqlColumn($"x.c{Array.IndexOf(Dimensions, d)}", $"d{i}")));
            columns.AddRange(scan.Flags.Select((_, i) => new SqlColumn($"x.f{i}", $"f{i}")));
            columns.Add(new SqlColumn(summed ? "CAST(sum(x.n) AS BIGINT)" : "x.n", "n"));
            return new SqlSelect(columns)
            {
                From = new SqlFrom(new SqlTableSource(Name, "x")),
                Where = Dimensions.Length == 0 ? [] : [$"x.g = {mask.ToString(CultureInfo.InvariantCulture)}"],
                GroupBy = summed ? SqlSelect.FirstColumns(columns.Count - 1) : [],
            };
        }
    }
}
