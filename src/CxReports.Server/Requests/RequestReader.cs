using System.Text.RegularExpressions;
using CxReports.Engine.Reports;
using CxReports.Server.Problems;

namespace CxReports.Server.Requests;

/// <summary>Reads report names, dates and report parameters from routes and query strings, naming any that is malformed.</summary>
public static partial class RequestReader
{
    /// <summary>Report names are CXR identifiers: nothing that could name a path.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex Identifier();

    public static ServerProblem? CheckName(string name) => CheckName(name, "a report");

    /// <summary>A CXR name in a route (<paramref name="what"/>: "a report", "an alert"), or a 400 quoting it shortened.</summary>
    public static ServerProblem? CheckName(string name, string what) => Identifier().IsMatch(name)
        ? null
        : ServerProblem.BadParameter("name", $"'{Shorten(name)}' is not {what} name (letters, digits and _; starting with a letter or _)");

    public static Outcome<DateOnly?> Date(IQueryCollection query, string parameter)
    {
        if (!query.TryGetValue(parameter, out var values)) return (DateOnly?)null;
        if (values.Count > 1) return ServerProblem.BadParameter(parameter, $"'{parameter}' is given {values.Count} times; give it once");
        var (date, error) = ParseDate(values.ToString(), parameter);
        return error is null ? date : ServerProblem.BadParameter(parameter, error);
    }

    /// <summary>A date a run may name (<see cref="ReportDates"/>), or why the text is not one, quoting it shortened.</summary>
    public static (DateOnly? Date, string? Error) ParseDate(string text, string parameter) => ReportDates.Parse(text, parameter, Shorten);

    /// <summary>
    /// from, to and every other query-string member but format and block (<see cref="Evaluation.DocumentRequest"/>) as a report
    /// parameter, typed by its declaration; a name the report does not declare, or a value it cannot take, is a
    /// problem naming the member.
    /// </summary>
    public static Outcome<ReportRequest> Report(IQueryCollection query, Dsl.Model.ReportModel report)
    {
        var from = Date(query, "from");
        if (from.Problem is { } p1) return p1;
        var to = Date(query, "to");
        if (to.Problem is { } p2) return p2;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (Dsl.Binding.Rules.ReservedParamNames.Contains(key)) continue;
            if (value.Count > 1) return ServerProblem.BadParameter(key, $"parameter '{Shorten(key)}' is given {value.Count} times; give it once");
            values[key] = value.ToString();
        }
        try
        {
            return new ReportRequest(from.Value, to.Value, ParamValues.Parse(report, values, Shorten));
        }
        catch (ReportArgumentException e)
        {
            return ServerProblem.BadParameter(e.Parameter, e.Message, e.Allowed);
        }
    }

    /// <summary>
    /// At most 80 characters of the text, control characters shown as <c>\uXXXX</c>: what an answer or a log line may
    /// quote of what a client sent.
    /// </summary>
    public static string Shorten(string text)
    {
        var printable = text.Any(char.IsControl)
            ? string.Concat(text.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))
            : text;
        return printable.Length <= 80 ? printable : printable[..77] + "...";
    }
}
