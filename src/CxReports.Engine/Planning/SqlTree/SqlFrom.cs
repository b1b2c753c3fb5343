namespace CxReports.Engine.Planning.SqlTree;

/// <summary>The rows a select reads: one source and the joins that follow it.</summary>
public sealed record SqlFrom(SqlSource Source, IReadOnlyList<SqlJoin> Joins)
{
    public SqlFrom(SqlSource source) : this(source, []) { }
}
