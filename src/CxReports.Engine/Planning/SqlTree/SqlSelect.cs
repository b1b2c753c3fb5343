namespace CxReports.Engine.Planning.SqlTree;

/// <summary>
/// One <c>SELECT</c> with only the clauses the planner emits: named tables before it (<c>WITH</c>), the select list,
/// one source with its joins, conditions joined by <c>AND</c>, grouping, order and a row limit. Expressions are SQL
/// text, written by the dialect and the expression compilers; the tree holds the statement's shape.
/// </summary>
public sealed record SqlSelect(IReadOnlyList<SqlColumn> Columns) : SqlQuery
{
    public IReadOnlyList<SqlTable> With { get; init; } = [];

    public bool Distinct { get; init; }

    public SqlFrom? From { get; init; }

    /// <summary>Conditions every row meets (joined by <c>AND</c>); none means every row.</summary>
    public IReadOnlyList<string> Where { get; init; } = [];

    public IReadOnlyList<string> GroupBy { get; init; } = [];

    public IReadOnlyList<string> OrderBy { get; init; } = [];

    public int? Limit { get; init; }

    /// <summary>
    /// <c>GROUP BY 1, 2, ..., n</c>: grouping by the first <paramref name="keys"/> select-list columns, written out
    /// because DuckDB's <c>GROUP BY ALL</c> is not PostgreSQL.
    /// </summary>
    public static IReadOnlyList<string> FirstColumns(int keys) =>
        Enumerable.Range(1, keys).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
