namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A statement or subquery the planner emits: a <see cref="SqlSelect"/>, a <see cref="SqlUnion"/> of them, or a dialect's own text.</summary>
public abstract record SqlQuery
{
    /// <summary>The statement as SQL text, laid out by <see cref="SqlWriter"/>.</summary>
    public sealed override string ToString() => SqlWriter.Write(this);
}

/// <summary>Rows a dialect writes itself (a bucket series), used as a subquery as they are.</summary>
public sealed record SqlText(string Sql) : SqlQuery;

/// <summary>The distinct rows of several selects (<c>UNION</c>).</summary>
public sealed record SqlUnion(IReadOnlyList<SqlSelect> Selects) : SqlQuery;
