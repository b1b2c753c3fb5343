using System.Globalization;
using CxReports.Dsl.Model;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Engine.Reports;

/// <summary>Turns parameter text from a command line or query string into typed values, checked against the declared choices.</summary>
public static class ParamValues
{
    public static IReadOnlyDictionary<string, object?> Resolve(ReportModel report, IReadOnlyDictionary<string, string>? given)
    {
        given ??= new Dictionary<string, string>();
        foreach (var unknown in given.Keys.Where(k => report.Params.All(p => p.Name != k)))
            throw new ReportArgumentException(unknown, $"report '{report.Name}' has no parameter '{unknown}'", report.Params.Select(p => p.Name).ToArray());

        var values = new Dictionary<string, object?>();
        foreach (var param in report.Params)
        {
            var value = given.TryGetValue(param.Name, out var text) ? Parse(param, text) : param.Default;
            if (param.Choices.Count > 0 && !param.Choices.Any(c => Equals(c, value)))
                throw new ReportArgumentException(param.Name, $"'{text ?? Show(value)}' is not allowed for parameter '{param.Name}'",
                    param.Choices.Select(Show).ToArray());
            values[param.Name] = value is decimal d ? (double)d : value;
        }
        return values;
    }

    private static object? Parse(ParamModel param, string text)
    {
        if (param.Type == ValueType.Date)
        {
            var (date, error) = ReportDates.Parse(text, param.Name, quote => quote);
            return date ?? throw new ReportArgumentException(param.Name, error!);
        }
        object? value = param.Type switch
        {
            ValueType.Integer or ValueType.Decimal or ValueType.Number =>
                decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
            ValueType.Boolean => bool.TryParse(text, out var b) ? b : null,
            _ => text,
        };
        return value ?? throw new ReportArgumentException(param.Name, $"'{text}' is not a {param.Type.Describe()} for parameter '{param.Name}'");
    }

    public static string Show(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
