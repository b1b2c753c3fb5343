using CxReports.Dsl.Model;
using Tree = CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// The syntax tree's units, operators and keywords as the model's values: the tree keeps what was written, the model
/// what it means, so nothing after the binder reads a syntax type or compares a keyword's text.
/// </summary>
internal static class SyntaxEnums
{
    public static TimeUnit ToModel(this Tree.TimeUnit unit) => unit switch
    {
        Tree.TimeUnit.Day => TimeUnit.Day,
        Tree.TimeUnit.Week => TimeUnit.Week,
        Tree.TimeUnit.Month => TimeUnit.Month,
        Tree.TimeUnit.Quarter => TimeUnit.Quarter,
        Tree.TimeUnit.Year => TimeUnit.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static BinaryOperator ToModel(this Tree.BinaryOperator op) => op switch
    {
        Tree.BinaryOperator.Add => BinaryOperator.Add,
        Tree.BinaryOperator.Subtract => BinaryOperator.Subtract,
        Tree.BinaryOperator.Multiply => BinaryOperator.Multiply,
        Tree.BinaryOperator.Divide => BinaryOperator.Divide,
        Tree.BinaryOperator.Equal => BinaryOperator.Equal,
        Tree.BinaryOperator.NotEqual => BinaryOperator.NotEqual,
        Tree.BinaryOperator.Less => BinaryOperator.Less,
        Tree.BinaryOperator.LessOrEqual => BinaryOperator.LessOrEqual,
        Tree.BinaryOperator.Greater => BinaryOperator.Greater,
        Tree.BinaryOperator.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        Tree.BinaryOperator.And => BinaryOperator.And,
        Tree.BinaryOperator.Or => BinaryOperator.Or,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The anchor of a relative period; the parser reads only <c>last</c>, <c>this</c> and <c>previous</c>.</summary>
    public static PeriodAnchor AnchorNamed(string word) => word switch
    {
        "this" => PeriodAnchor.This,
        "previous" => PeriodAnchor.Previous,
        "last" => PeriodAnchor.Last,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "the parser reads only last, this and previous"),
    };

    /// <summary>The baseline after <c>compare previous</c> or <c>measure against previous</c>; null for any other word.</summary>
    public static Baseline? BaselineNamed(string word) => word switch
    {
        "period" => Baseline.Period,
        "year" => Baseline.Year,
        _ => null,
    };

    public static UnaryOperator ToModel(this Tree.UnaryOperator op) => op switch
    {
        Tree.UnaryOperator.Negate => UnaryOperator.Negate,
        Tree.UnaryOperator.Not => UnaryOperator.Not,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
