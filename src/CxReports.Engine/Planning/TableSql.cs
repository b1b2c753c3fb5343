namespace CxReports.Engine.Planning;

/// <summary>A named CTE of the planned statement: its name, its SQL, and the dimension columns it is keyed by.</summary>
public sealed record TableSql(string Name, string Sql, bool HasDimensions);
