namespace CxReports.Engine.Planning.SqlTree;

/// <summary>One join: its kind, its source and its condition (none for a cross join).</summary>
public sealed record SqlJoin(SqlJoinKind Kind, SqlSource Source, string? On = null);
