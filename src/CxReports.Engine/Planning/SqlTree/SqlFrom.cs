namespace CxReports.Engine.Planning.SqlTree;

/// <summary>The rows a select reads: one source and the joins that follow it.</summary>
public sealed record SqlFrom(SqlSource Source, IReadOnlyList<SqlJoin> Joins)
{
    public SqlFrom(SqlSource source) : this(source, []) { }
}

/// <summary>A source of rows: a table by name, or a subquery; each with the alias the expressions read it by.</summary>
public abstract record SqlSource(string? Alias);

/// <summary>A table (or a named table of the statement) read by its name.</summary>
public sealed record SqlTableSource(string Name, string? Alias = null) : SqlSource(Alias);

/// <summary>A subquery read as a table.</summary>
public sealed record SqlSubquery(SqlQuery Query, string Alias) : SqlSource(Alias);

/// <summary>How a join pairs rows.</summary>
public enum SqlJoinKind { Left, Full, Cross }

/// <summary>One join: its kind, its source and its condition (none for a cross join).</summary>
public sealed record SqlJoin(SqlJoinKind Kind, SqlSource Source, string? On = null);
