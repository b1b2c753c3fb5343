using System.Globalization;

namespace CxReports.Dsl.Model;

/// <summary>
/// The bands <c>bucket(x, 30, 45, 60)</c> puts values in, lowest first: "&lt;30", "30-44", "45-59", "60+". The SQL
/// writes these names and documents keep this order, so both read them from here.
/// </summary>
public static class BucketBands
{
    public static IReadOnlyList<string> Names(IReadOnlyList<decimal> bounds)
    {
        var names = new List<string> { "<" + N(bounds[0]) };
        for (var i = 1; i < bounds.Count; i++) names.Add($"{N(bounds[i - 1])}-{N(bounds[i] - 1)}");
        names.Add(N(bounds[^1]) + "+");
        return names;
    }

    /// <summary>The band names of a dimension defined as <c>bucket(...)</c> with literal bounds; null for any other derivation.</summary>
    public static IReadOnlyList<string>? Of(BoundExpression? derivation) =>
        derivation is BoundRowCall { Function.Name: "bucket" } call && call.Arguments.Skip(1).All(a => a is BoundLiteral { Value: decimal }) && call.Arguments.Count > 1
            ? Names(call.Arguments.Skip(1).Select(a => (decimal)((BoundLiteral)a).Value).ToArray())
            : null;

    private static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
