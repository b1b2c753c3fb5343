using System.Collections.Immutable;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary>An expression: a literal, a path, a call or an operator applied to expressions.</summary>
public abstract record Expression : SyntaxNode;

/// <summary><c>12</c>, <c>3.5</c>.</summary>
public sealed record NumberLiteral(decimal Value) : Expression;

/// <summary><c>80%</c>: <see cref="Percent"/> is the number as written (80); its value is 0.8.</summary>
public sealed record PercentLiteral(decimal Percent) : Expression
{
    public decimal Value => Percent / 100m;
}

/// <summary><c>"text"</c> with escapes already decoded.</summary>
public sealed record StringLiteral(string Value) : Expression;

/// <summary><c>2025-01-31</c>.</summary>
public sealed record DateLiteral(DateOnly Value) : Expression;

/// <summary><c>30 days</c>, <c>1 quarter</c>: a whole number of calendar units.</summary>
public sealed record DurationLiteral(int Amount, TimeUnit Unit) : Expression;

/// <summary>A dotted name: <c>nps</c>, <c>responses.score</c>, <c>responses.customer.plan</c>.</summary>
public sealed record PathExpression(ImmutableArray<Name> Segments) : Expression
{
    public string Text => string.Join('.', Segments.Select(s => s.Text));
}

/// <summary><c>nps(responses.score)</c>, <c>ltv(value: arpa, churn: churn)</c>.</summary>
public sealed record CallExpression(Name Function, ImmutableArray<Argument> Arguments) : Expression;

/// <summary>One argument of a call: optionally labelled (<c>margin: 80%</c>) and a rate (<c>10% per year</c>).</summary>
public sealed record Argument(Name? Label, Expression Value, Name? Per) : SyntaxNode;

/// <summary>Binary operators, arithmetic, comparison and logic.</summary>
public enum BinaryOperator { Add, Subtract, Multiply, Divide, Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, And, Or }

/// <summary><c>a + b</c>, <c>x >= 9</c>, <c>p and q</c>.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right) : Expression;

/// <summary>Unary operators.</summary>
public enum UnaryOperator { Negate, Not }

/// <summary><c>-x</c>, <c>not p</c>.</summary>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand) : Expression;

/// <summary><c>x in ("a", "b")</c> or <c>x not in (...)</c>.</summary>
public sealed record InExpression(Expression Value, ImmutableArray<Expression> Items, bool Negated) : Expression;

/// <summary><c>x between a and b</c> (both ends included).</summary>
public sealed record BetweenExpression(Expression Value, Expression Low, Expression High) : Expression;

/// <summary>Calendar units of durations, grains and rates.</summary>
public enum TimeUnit { Day, Week, Month, Quarter, Year }

/// <summary>
/// Stands for an expression the parser did not keep because it nests beyond <see cref="CxrLimits"/> (already
/// reported as CXR031); it binds to nothing and is never formatted, since a file with errors is not formatted.
/// </summary>
public sealed record OmittedExpression : Expression;
