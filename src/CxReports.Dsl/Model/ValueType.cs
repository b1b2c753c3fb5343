namespace CxReports.Dsl.Model;

/// <summary>The types of CXR values. Metrics are always <see cref="Number"/>.</summary>
public enum ValueType { Text, Integer, Decimal, Boolean, Date, Timestamp, Interval, Number, Unknown }

/// <summary>Type rules shared by the binder's checks.</summary>
public static class ValueTypes
{
    public static bool IsNumeric(this ValueType type) =>
        type is ValueType.Integer or ValueType.Decimal or ValueType.Number or ValueType.Unknown;

    public static bool IsTemporal(this ValueType type) =>
        type is ValueType.Date or ValueType.Timestamp or ValueType.Unknown;

    /// <summary>Whether values of the two types can be compared with = &lt; ... (numbers with numbers, dates with timestamps).</summary>
    public static bool ComparableWith(this ValueType left, ValueType right) =>
        left == ValueType.Unknown || right == ValueType.Unknown || left == right
        || (left.IsNumeric() && right.IsNumeric())
        || (left is ValueType.Date or ValueType.Timestamp && right is ValueType.Date or ValueType.Timestamp);

    /// <summary>The type named in a field or param declaration (<c>text integer decimal boolean date timestamp</c>).</summary>
    public static ValueType? Parse(string name) => name switch
    {
        "text" => ValueType.Text,
        "integer" => ValueType.Integer,
        "decimal" => ValueType.Decimal,
        "boolean" => ValueType.Boolean,
        "date" => ValueType.Date,
        "timestamp" => ValueType.Timestamp,
        _ => null,
    };

    public static string Describe(this ValueType type) => type switch
    {
        ValueType.Number => "number",
        ValueType.Interval => "time difference",
        _ => type.ToString().ToLowerInvariant(),
    };
}
