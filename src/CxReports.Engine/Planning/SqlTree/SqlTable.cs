namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A named table of the statement (a CTE).</summary>
public sealed record SqlTable(string Name, SqlQuery Query);
