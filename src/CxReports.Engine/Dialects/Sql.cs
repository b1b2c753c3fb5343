using System.Globalization;

namespace CxReports.Engine.Dialects;

/// <summary>Quoting for the few SQL texts that cannot be bound parameters: identifiers and table-function arguments.</summary>
public static class Sql
{
    /// <summary>A double-quoted identifier (any name, including Unicode and reserved words).</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    public static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A list literal of strings: <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
