using System.Globalization;
using CxReports.Dsl.Model;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Engine.Reports;

/// <summary>
/// Report parameters: the text a command line or query string gives, typed at the edge (<see cref="Parse"/>), and the
/// typed values a run uses (<see cref="Resolve"/>), each checked against its declared choices.
/// </summary>
public static class ParamValues
{
    /// <summary>
    /// The given texts as typed values (dates, numbers, booleans, text). A name the report does not declare, a text
    /// that is not of its parameter's type and a value outside the choices throw <see cref="ReportArgumentException"/>
    /// naming the parameter; <paramref name="quote"/> shows what the caller sent (shortened, for a query string).
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Parse(ReportModel report, IReadOnlyDictionary<string, string> given, Func<string, string> quote)
    {
        CheckNames(report, given.Keys, quote);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var param in report.Params.Where(p => given.ContainsKey(p.Name)))
        {
            var text = given[param.Name];
            values[param.Name] = Checked(param, Typed(param, text, quote), quote(text));
        }
        return values;
    }

    /// <summary>Every parameter's value for a run: the one given, else its default; numbers as doubles, as the planner binds them.</summary>
    public static IReadOnlyDictionary<string, object?> Resolve(ReportModel report, IReadOnlyDictionary<string, object?>? given)
    {
        given ??= new Dictionary<string, object?>();
        CheckNames(report, given.Keys, name => name);
        var values = new Dictionary<string, object?>();
        foreach (var param in report.Params)
        {
            var value = given.TryGetValue(param.Name, out var typed) ? typed : param.Default;
            values[param.Name] = Checked(param, value, Show(value)) is decimal d ? (double)d : value;
        }
        return values;
    }

    private static void CheckNames(ReportModel report, IEnumerable<string> names, Func<string, string> quote)
    {
        foreach (var unknown in names.Where(k => report.Params.All(p => p.Name != k)))
            throw new ReportArgumentException(unknown, $"report '{report.Name}' has no parameter '{quote(unknown)}'", report.Params.Select(p => p.Name).ToArray());
    }

    private static object? Checked(ParamModel param, object? value, string shown) =>
        param.Choices.Count > 0 && !param.Choices.Any(c => Equals(c, value))
            ? throw new ReportArgumentException(param.Name, $"'{shown}' is not allowed for parameter '{param.Name}'", param.Choices.Select(Show).ToArray())
            : value;

    private static object? Typed(ParamModel param, string text, Func<string, string> quote)
    {
        if (param.Type == ValueType.Date)
        {
            var (date, error) = ReportDates.Parse(text, param.Name, quote);
            return date ?? throw new ReportArgumentException(param.Name, error!);
        }
        object? value = param.Type switch
        {
            ValueType.Integer or ValueType.Decimal or ValueType.Number =>
                decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
            ValueType.Boolean => bool.TryParse(text, out var b) ? b : null,
            _ => text,
        };
        return value ?? throw new ReportArgumentException(param.Name, $"'{quote(text)}' is not a {param.Type.Describe()} for parameter '{param.Name}'");
    }

    public static string Show(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
