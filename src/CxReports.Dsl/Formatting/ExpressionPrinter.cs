using System.Globalization;
using System.Text;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Formatting;

/// <summary>Prints expressions in canonical form: single spaces around operators, parentheses only where precedence needs them.</summary>
public static class ExpressionPrinter
{
    /// <summary>
    /// Prints an expression. The parser refuses expressions deeper than <see cref="CxrLimits.MaxExpressionDepth"/>
    /// (CXR031) and <c>cxr fmt</c> leaves files with errors alone, so a deeper tree here is a bug, refused before the
    /// recursive printing starts rather than overflowing the stack.
    /// </summary>
    public static string Print(Expression expression)
    {
        if (ExpressionHeight.FirstBeyond(expression, CxrLimits.MaxExpressionDepth) is { } tooDeep)
            throw new ArgumentException($"{tooDeep.Span}: expression nests more than {CxrLimits.MaxExpressionDepth} levels deep (CXR031); the parser never produces such a tree", nameof(expression));
        return Print(expression, 0);
    }

    private static string Print(Expression expression, int context)
    {
        var precedence = Precedence(expression);
        var text = expression switch
        {
            NumberLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
            PercentLiteral p => p.Percent.ToString(CultureInfo.InvariantCulture) + "%",
            StringLiteral s => Quote(s.Value),
            DateLiteral d => d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DurationLiteral d => Duration(d),
            PathExpression p => p.Text,
            CallExpression c => $"{c.Function.Text}({string.Join(", ", c.Arguments.Select(Argument))})",
            // Comparisons do not chain: each side is an arithmetic operand, so a comparison inside one needs parentheses.
            BinaryExpression b => $"{Print(b.Left, IsComparison(b.Operator) ? precedence + 1 : precedence)} {Symbol(b.Operator)} {Print(b.Right, precedence + 1)}",
            UnaryExpression { Operator: UnaryOperator.Not } u => $"not {Print(u.Operand, precedence)}",
            UnaryExpression u => $"-{Print(u.Operand, precedence)}",
            InExpression i => $"{Print(i.Value, precedence + 1)} {(i.Negated ? "not in" : "in")} ({string.Join(", ", i.Items.Select(x => Print(x, 0)))})",
            BetweenExpression b => $"{Print(b.Value, precedence + 1)} between {Print(b.Low, precedence + 1)} and {Print(b.High, precedence + 1)}",
            _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "no printer for this node (an omitted expression means the file has errors)"),
        };
        return precedence < context ? $"({text})" : text;
    }

    private static string Argument(Argument argument) =>
        (argument.Label is { } label ? label.Text + ": " : "") + Print(argument.Value, 0) + (argument.Per is { } per ? " per " + per.Text : "");

    /// <summary>Binding strength, loosest first, matching the parser's levels.</summary>
    private static int Precedence(Expression expression) => expression switch
    {
        BinaryExpression { Operator: BinaryOperator.Or } => 1,
        BinaryExpression { Operator: BinaryOperator.And } => 2,
        UnaryExpression { Operator: UnaryOperator.Not } => 3,
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => 5,
        BinaryExpression { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } => 6,
        BinaryExpression or InExpression or BetweenExpression => 4,
        UnaryExpression => 7,
        _ => 8,
    };

    private static bool IsComparison(BinaryOperator op) =>
        op is BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual
            or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/",
        BinaryOperator.Equal => "=", BinaryOperator.NotEqual => "!=", BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">", BinaryOperator.GreaterOrEqual => ">=", BinaryOperator.And => "and", BinaryOperator.Or => "or",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static string Duration(DurationLiteral d) =>
        $"{d.Amount} {d.Unit.ToString().ToLowerInvariant()}{(d.Amount == 1 ? "" : "s")}";

    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
            text.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\t' => "\\t", _ => c.ToString() });
        return text.Append('"').ToString();
    }
}
