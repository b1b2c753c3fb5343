using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>A named CTE of the planned statement: its name, its query, and whether it is keyed by the dimension columns.</summary>
public sealed record TableSql(string Name, SqlQuery Query, bool HasDimensions)
{
    /// <summary>The table as an entry of the statement's <c>WITH</c>.</summary>
    public SqlTable AsCte => new(Name, Query);
}
