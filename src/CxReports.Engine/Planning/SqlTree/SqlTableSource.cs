namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A table (or a named table of the statement) read by its name.</summary>
public sealed record SqlTableSource(string Name, string? Alias = null) : SqlSource(Alias);
