using System.Globalization;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// The truth of a condition on report parameters and literals alone (<c>unless plan = "all"</c>), decided when the
/// statement is planned, so a filter switched off costs no join; null where the engine must decide (a field, a null
/// value, an operator other than comparison and logic).
/// </summary>
public static class PlanTimeTruth
{
    public static bool? Of(BoundExpression expression, IReadOnlyDictionary<string, object?> values) => expression switch
    {
        BoundBinary { Operator: BinaryOperator.And } b => Of(b.Left, values) is { } l && Of(b.Right, values) is { } r ? l && r : null,
        BoundBinary { Operator: BinaryOperator.Or } b => Of(b.Left, values) is { } l && Of(b.Right, values) is { } r ? l || r : null,
        BoundUnary { Operator: UnaryOperator.Not } u => !Of(u.Operand, values),
        BoundBinary { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } b
            when Value(b.Left, values) is { } l && Value(b.Right, values) is { } r && Same(l, r) is { } same =>
            b.Operator == BinaryOperator.Equal ? same : !same,
        _ => null,
    };

    private static object? Value(BoundExpression expression, IReadOnlyDictionary<string, object?> values) => expression switch
    {
        BoundLiteral l => l.Value,
        BoundParameter p => values.GetValueOrDefault(p.Name),
        _ => null,
    };

    /// <summary>Equality as the engines decide it: text byte for byte, numbers by value, booleans as they are; null for anything else.</summary>
    private static bool? Same(object left, object right) => (left, right) switch
    {
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (IConvertible a, IConvertible b) when IsNumber(a) && IsNumber(b) =>
            Convert.ToDecimal(a, CultureInfo.InvariantCulture) == Convert.ToDecimal(b, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsNumber(object value) => value is int or long or decimal;
}
