namespace CxReports.Engine.Warehouse;

/// <summary>
/// A path as DuckDB's file readers and <c>allowed_directories</c> take it: DuckDB reads every name as a glob, so
/// <c>a[b].csv</c> would read <c>ab.csv</c>; each glob character becomes a one-character class that matches only itself.
/// </summary>
public static partial class DuckDbPath
{
    /// <summary>A path with each glob character made a one-character class (<c>[[]</c>, <c>[*]</c>, <c>[?]</c>).</summary>
    public static string Escaped(string path) => GlobCharacters().Replace(path, "[$0]");

    [System.Text.RegularExpressions.GeneratedRegex(@"[\[*?]")]
    private static partial System.Text.RegularExpressions.Regex GlobCharacters();
}
