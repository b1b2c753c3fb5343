using System.Globalization;
using System.Text.RegularExpressions;
using CxReports.Engine.Reports;
using CxReports.Server.Problems;

namespace CxReports.Server.Evaluation;

/// <summary>Reads report names, dates and report parameters from routes and query strings, naming any that is malformed.</summary>
public static partial class RequestReader
{
    /// <summary>Report names are CXR identifiers: nothing that could name a path.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex Identifier();

    public static ServerProblem? CheckName(string name) => Identifier().IsMatch(name)
        ? null
        : ServerProblem.BadParameter("name", $"'{Shorten(name)}' is not a report name (letters, digits and _; starting with a letter or _)");

    public static Outcome<DateOnly?> Date(IQueryCollection query, string parameter)
    {
        if (!query.TryGetValue(parameter, out var values)) return (DateOnly?)null;
        if (values.Count > 1) return ServerProblem.BadParameter(parameter, $"'{parameter}' is given {values.Count} times; give it once");
        var text = values.ToString();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : ServerProblem.BadParameter(parameter, $"'{Shorten(text)}' is not a date for '{parameter}' (YYYY-MM-DD)");
    }

    /// <summary>from, to and every other query-string member as a report parameter (the report checks names and values).</summary>
    public static Outcome<ReportRequest> Report(IQueryCollection query)
    {
        var from = Date(query, "from");
        if (from.Problem is { } p1) return p1;
        var to = Date(query, "to");
        if (to.Problem is { } p2) return p2;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (key is "from" or "to") continue;
            if (value.Count > 1) return ServerProblem.BadParameter(key, $"parameter '{Shorten(key)}' is given {value.Count} times; give it once");
            values[key] = value.ToString();
        }
        return new ReportRequest(from.Value, to.Value, values);
    }

    public static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
