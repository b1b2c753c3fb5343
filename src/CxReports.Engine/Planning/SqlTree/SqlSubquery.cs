namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A subquery read as a table.</summary>
public sealed record SqlSubquery(SqlQuery Query, string Alias) : SqlSource(Alias);
