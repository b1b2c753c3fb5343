namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A source of rows: a table by name, or a subquery; each with the alias the expressions read it by.</summary>
public abstract record SqlSource(string? Alias);
