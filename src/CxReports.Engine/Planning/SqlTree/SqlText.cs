namespace CxReports.Engine.Planning.SqlTree;

/// <summary>Rows a dialect writes itself (a bucket series), used as a subquery as they are.</summary>
public sealed record SqlText(string Sql) : SqlQuery;
