namespace CxReports.Engine.Planning.SqlTree;

/// <summary>The distinct rows of several selects (<c>UNION</c>), or all of them (<c>UNION ALL</c>) when they cannot share a row.</summary>
public sealed record SqlUnion(IReadOnlyList<SqlSelect> Selects) : SqlQuery
{
    public bool All { get; init; }
}
