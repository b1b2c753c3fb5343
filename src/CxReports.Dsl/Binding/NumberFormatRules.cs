using CxReports.Dsl.Model;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Dsl.Binding;

/// <summary>
/// What a number field's <c>thousands</c> separator may be: one of <c>.</c>, <c>,</c>, a space or an apostrophe,
/// on a whole or decimal number, and not the decimal separator itself (<c>format ","</c> makes that a comma).
/// </summary>
internal static class NumberFormatRules
{
    public static readonly IReadOnlyList<string> Separators = [".", ",", " ", "'"];

    /// <summary>Why <paramref name="thousands"/> cannot be the separator of a field of <paramref name="type"/>, or null.</summary>
    public static (string Message, string? Hint)? ThousandsProblem(string field, string thousands, string? format, ValueType type)
    {
        if (type is not (ValueType.Integer or ValueType.Decimal or ValueType.Number))
            return ($"thousands applies to numbers, but '{field}' is {type.Describe()}", "write it after : integer or : decimal");
        if (!Separators.Contains(thousands))
            return ($"thousands separator \"{thousands}\" is not one of \".\", \",\", \" \" or \"'\"", null);
        var decimalSeparator = format == "," ? "," : ".";
        return type != ValueType.Integer && thousands == decimalSeparator
            ? ($"thousands separator \"{thousands}\" is also the decimal separator",
               decimalSeparator == "." ? "for 1.499,90 write: decimal format \",\" thousands \".\"" : "for 1,499.90 write: decimal thousands \",\"")
            : null;
    }
}
