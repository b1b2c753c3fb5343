using CxReports.Dsl.Text;

namespace CxReports.Dsl.Model;

/// <summary>A type-checked expression. Row-level nodes compute a value per row; aggregate-level nodes a number per bucket.</summary>
public abstract record BoundExpression(ValueType Type, SourceSpan Span);

/// <summary>A constant: number (decimal), text, date, boolean.</summary>
public sealed record BoundLiteral(object Value, ValueType Type, SourceSpan Span) : BoundExpression(Type, Span);

/// <summary>
/// A field read from rows of <see cref="Root"/>, following <see cref="Links"/> (link fields, in order) to the source
/// that holds <see cref="Field"/>: <c>responses.customer.plan</c> is root responses, links [customer], field plan.
/// </summary>
public sealed record BoundField(string Root, IReadOnlyList<FieldModel> Links, FieldModel Field, SourceSpan Span)
    : BoundExpression(Field.Type, Span);

/// <summary>A report parameter, bound as an SQL parameter when the report runs.</summary>
public sealed record BoundParameter(string Name, ValueType Type, SourceSpan Span) : BoundExpression(Type, Span);

/// <summary>Arithmetic, comparison or logic on two operands.</summary>
public sealed record BoundBinary(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, ValueType Type, SourceSpan Span)
    : BoundExpression(Type, Span);

/// <summary>Negation or logical not.</summary>
public sealed record BoundUnary(UnaryOperator Operator, BoundExpression Operand, ValueType Type, SourceSpan Span)
    : BoundExpression(Type, Span);

/// <summary><c>x [not] in (...)</c>.</summary>
public sealed record BoundIn(BoundExpression Value, IReadOnlyList<BoundExpression> Items, bool Negated, SourceSpan Span)
    : BoundExpression(ValueType.Boolean, Span);

/// <summary><c>x between a and b</c>.</summary>
public sealed record BoundBetween(BoundExpression Value, BoundExpression Low, BoundExpression High, SourceSpan Span)
    : BoundExpression(ValueType.Boolean, Span);

/// <summary>A per-row function: <c>hours</c>, <c>days</c>, <c>coalesce</c>, <c>year</c>, <c>month_of</c>, <c>bucket</c>.</summary>
public sealed record BoundRowCall(RowFunction Function, IReadOnlyList<BoundExpression> Arguments, SourceSpan Span)
    : BoundExpression(Function.ResultType(Arguments), Span);

/// <summary>
/// An aggregate over the rows of <see cref="Source"/>: <see cref="Arguments"/> are row-level, <see cref="Filter"/> is the
/// metric's <c>where</c> as seen from this source (null when there is none).
/// </summary>
public sealed record BoundAggregate(AggregateFunction Function, string Source, IReadOnlyList<BoundExpression> Arguments, BoundExpression? Filter, SourceSpan Span)
    : BoundExpression(ValueType.Number, Span);

/// <summary>A use of a named metric inside another metric, a query or a scenario.</summary>
public sealed record BoundMetricReference(string Metric, SourceSpan Span) : BoundExpression(ValueType.Number, Span);

/// <summary><c>ltv(value: arpa, churn: churn, margin: 80%, discount: 10% per year, cost: 5)</c>, arguments by label.</summary>
public sealed record BoundLtv(BoundExpression Value, BoundExpression Churn, BoundExpression Margin, BoundExpression? YearlyDiscount, BoundExpression? Cost, SourceSpan Span)
    : BoundExpression(ValueType.Number, Span);
