using CxReports.Dsl.Model;
using Tree = CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// The syntax tree's units and operators as the model's: the tree keeps what was written, the model what it means,
/// so nothing after the binder reads a syntax type.
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

    public static UnaryOperator ToModel(this Tree.UnaryOperator op) => op switch
    {
        Tree.UnaryOperator.Negate => UnaryOperator.Negate,
        Tree.UnaryOperator.Not => UnaryOperator.Not,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
