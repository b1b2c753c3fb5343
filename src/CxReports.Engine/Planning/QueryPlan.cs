using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Engine.Results;

namespace CxReports.Engine.Planning;

/// <summary>
/// A query on its way to SQL: what each pass of <see cref="QueryPlanner.Passes"/> adds (the compiled metrics, the
/// named tables, the frame's tables, the select list and the row order), read by the passes after it.
/// </summary>
public sealed class QueryPlan(PlanContext context, BoundQuery query)
{
    public PlanContext Context { get; } = context;
    public BoundQuery Query { get; } = query;
    public TimeUnit? Grain => Query.Grain;

    /// <summary>The dimensions that are fields (not time buckets): the columns <c>d0</c>, <c>d1</c>, ... of every table.</summary>
    public int FieldDimensions => Query.Dimensions.Count(d => d.Grain is null);

    /// <summary>Compiles the metrics and collects the aggregates they read (set by <see cref="LowerMetricsPass"/>).</summary>
    public MetricCompiler Metrics { get; set; } = null!;

    /// <summary>Each metric's SQL over the frame's tables, in query order.</summary>
    public IReadOnlyList<string> MetricSql { get; set; } = [];

    /// <summary>The SQL of a <c>top N by</c> metric that is not a column of the query; null otherwise.</summary>
    public string? RankBy { get; set; }

    /// <summary>The named tables of the statement, in order (each may read those before it).</summary>
    public List<TableSql> Tables { get; } = [];

    /// <summary>The tables joined to the query's frame: those holding aggregates at the query's grain, and the monthly rollup.</summary>
    public List<TableSql> QueryLevel { get; } = [];

    public List<SqlColumn> Select { get; } = [];

    public List<ResultColumn> Columns { get; } = [];

    /// <summary>How the rows are put in order once read (set by <see cref="OrderRowsPass"/>).</summary>
    public RowOrder Order { get; set; } = null!;

    /// <summary>The column the SQL ranks the rows on for a top N, and in which direction; null when it does not rank.</summary>
    public (string Column, bool Descending)? Rank { get; set; }

    /// <summary>The statement (set by <see cref="WriteStatementPass"/>).</summary>
    public SqlSelect Statement { get; set; } = null!;

    /// <summary>Whether a table holds aggregates the metrics read.</summary>
    public bool HoldsAggregates(TableSql table) => Metrics.Atoms.Any(a => a.Table == table.Name);

    public static string BucketsName(TimeUnit? grain) => $"buckets_{PlanContext.Grain(grain)}";

    /// <summary>The field dimensions of the frame or table read as <paramref name="alias"/>: <c>alias.d0</c>, <c>alias.d1</c>, ...</summary>
    public IEnumerable<SqlColumn> DimensionsOf(string alias) => Enumerable.Range(0, FieldDimensions).Select(i => new SqlColumn($"{alias}.d{i}"));

    /// <summary>Every bucket × every dimension combination seen in the tables the metrics read.</summary>
    public TableSql Frame(string name, TimeUnit? grain, IReadOnlyList<TableSql> tables)
    {
        var buckets = BucketsName(grain);
        if (FieldDimensions == 0 || tables.Count == 0)
            return new TableSql(name, new SqlSelect(["bucket"]) { From = new SqlFrom(new SqlTableSource(buckets)) }, false);
        var dimensions = Enumerable.Range(0, FieldDimensions).Select(i => new SqlColumn($"d{i}")).ToArray();
        var seen = new SqlUnion(tables.Select(t => new SqlSelect(dimensions) { Distinct = true, From = new SqlFrom(new SqlTableSource(t.Name)) }).ToArray());
        return new TableSql(name, new SqlSelect(["b.bucket", .. DimensionsOf("v")])
        {
            From = new SqlFrom(new SqlTableSource(buckets, "b"), [new SqlJoin(SqlJoinKind.Cross, new SqlSubquery(seen, "v"))]),
        }, true);
    }

    /// <summary>A frame read as <paramref name="frame"/> with each table left-joined on its bucket and dimensions.</summary>
    public SqlFrom Joined(string frameTable, string frame, IReadOnlyList<TableSql> tables) =>
        new(new SqlTableSource(frameTable, frame), tables.Select(t =>
        {
            var name = Sql.Identifier(t.Name);
            var on = $"{name}.bucket = {frame}.bucket" + (t.HasDimensions
                ? string.Concat(Enumerable.Range(0, FieldDimensions).Select(i => $" AND {Context.Dialect.SameValue($"{name}.d{i}", $"{frame}.d{i}")}"))
                : "");
            return new SqlJoin(SqlJoinKind.Left, new SqlTableSource(t.Name), on);
        }).ToArray());
}
