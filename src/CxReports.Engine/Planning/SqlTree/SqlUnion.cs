namespace CxReports.Engine.Planning.SqlTree;

/// <summary>The distinct rows of several selects (<c>UNION</c>).</summary>
public sealed record SqlUnion(IReadOnlyList<SqlSelect> Selects) : SqlQuery;
