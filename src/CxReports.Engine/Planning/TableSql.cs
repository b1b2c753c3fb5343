using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>A named CTE of the planned statement: its name, its query, and whether it is keyed by the dimension columns.</summary>
public sealed record TableSql(string Name, SqlQuery Query, bool HasDimensions)
{
    /// <summary>For a lifecycle's entity counts, the parts of its query that a scan shared with other queries combines (<see cref="SharedScan"/>).</summary>
    public EntityScan? Scan { get; init; }

    /// <summary>The table as an entry of the statement's <c>WITH</c>.</summary>
    public SqlTable AsCte => new(Name, Query);
}
