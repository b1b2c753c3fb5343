namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A named table of the statement (a CTE).</summary>
public sealed record SqlTable(string Name, SqlQuery Query)
{
    /// <summary>
    /// Computed once and kept, however many queries read it (<c>AS MATERIALIZED</c>, both engines): a table several
    /// parts of a statement read (a scan shared by several queries), which an engine might otherwise inline into each reader.
    /// </summary>
    public bool Materialized { get; init; }
}
