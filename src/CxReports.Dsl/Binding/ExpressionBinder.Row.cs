using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using ValueType = CxReports.Dsl.Model.ValueType;
using BinaryOperator = CxReports.Dsl.Model.BinaryOperator;
using UnaryOperator = CxReports.Dsl.Model.UnaryOperator;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds expressions and checks their types. Row-level expressions (inside aggregates, conditions, dimensions)
/// see fields; metric-level expressions see metrics and aggregates. Errors are reported and replaced by an
/// <see cref="ValueType.Unknown"/> placeholder so one mistake does not cascade into many.
/// </summary>
internal sealed partial class ExpressionBinder(BinderContext context, MetricBinder? metrics)
{
    private PathResolver Paths => new(context.Sources);

    /// <summary>A condition: a row-level expression that must be true or false.</summary>
    public BoundExpression BindCondition(Expression expression, RowScope scope)
    {
        var bound = BindRow(expression, scope);
        context.Expansions.Check(bound, expression, "this condition");
        if (bound.Type is not (ValueType.Boolean or ValueType.Unknown))
            context.Error(DiagnosticCode.TypeMismatch, expression.Span, $"a condition must be true or false, but this is {bound.Type.Describe()}",
                "compare it with something: x = \"value\", x >= 9");
        return bound;
    }

    public BoundExpression BindRow(Expression expression, RowScope scope) =>
        Deeper(expression, () => BindRowNode(expression, scope));

    /// <summary>
    /// Binds one level deeper. Binding a metric binds the metrics it names first, so the recursion runs through
    /// them all; past <see cref="CxrLimits.MaxExpandedDepth"/> levels (or with too little stack left) the part is
    /// reported as CXR031 and replaced by an unknown value instead of going deeper.
    /// </summary>
    private BoundExpression Deeper(Expression expression, Func<BoundExpression> bind)
    {
        if (expression is OmittedExpression) return new BoundLiteral("", ValueType.Unknown, expression.Span);
        if (!context.TryEnterNesting())
            return Invalid(expression, DiagnosticCode.NestedTooDeeply,
                $"expression nests more than {CxrLimits.MaxExpandedDepth} levels deep with the metrics it uses written out"
                + (metrics?.Chain is { Count: > 1 } chain ? $" (metric '{chain[0]}' uses '{chain[1]}', {chain.Count} metrics deep)" : ""),
                "define the metrics from aggregates directly rather than through a long chain of other metrics");
        try
        {
            return bind();
        }
        finally
        {
            context.ExitNesting();
        }
    }

    private BoundExpression BindRowNode(Expression expression, RowScope scope) => expression switch
    {
        NumberLiteral n => new BoundLiteral(n.Value, n.Value == decimal.Truncate(n.Value) ? ValueType.Integer : ValueType.Decimal, n.Span),
        PercentLiteral p => new BoundLiteral(p.Value, ValueType.Decimal, p.Span),
        StringLiteral s => new BoundLiteral(s.Value, ValueType.Text, s.Span),
        DateLiteral d => new BoundLiteral(d.Value, ValueType.Date, d.Span),
        PathExpression p => BindRowPath(p, scope),
        BinaryExpression b => BindRowBinary(b, scope),
        UnaryExpression u => BindRowUnary(u, scope),
        InExpression i => BindIn(i, scope),
        BetweenExpression b => BindBetween(b, scope),
        CallExpression c => BindRowCall(c, scope),
        DurationLiteral d => Invalid(d, "a duration like '30 days' is only allowed after `within` and in scenario horizons"),
        _ => Invalid(expression, "this expression is not allowed here"),
    };

    private BoundExpression BindRowPath(PathExpression path, RowScope scope)
    {
        var head = path.Segments[0].Text;
        if (path.Segments.Length == 1 && scope.Params.TryGetValue(head, out var param))
            return new BoundParameter(param.Name, param.Type, path.Span);
        if (path.Segments.Length == 1 && head is "true" or "false" && scope.Source.Field(head) is null)
            return new BoundLiteral(head == "true", ValueType.Boolean, path.Span);

        var (field, problem) = Paths.Resolve(scope.Source, path, scope.UnreachableCode);
        if (field is not null) return field;
        if (scope.Source.Field(head) is null && IsAggregated(path))
            return NestedAggregate(path);
        context.Error(problem!.Code, problem.Span, problem.Message, problem.Hint);
        return new BoundLiteral("", ValueType.Unknown, path.Span);
    }

    private BoundExpression BindRowBinary(BinaryExpression binary, RowScope scope)
    {
        var left = BindRow(binary.Left, scope);
        var right = BindRow(binary.Right, scope);
        var op = binary.Operator.ToModel();
        return new BoundBinary(op, left, right, CheckBinary(binary, op, left.Type, right.Type), binary.Span);
    }

    /// <summary>The result type of a binary operator, reporting operands that do not fit it.</summary>
    private ValueType CheckBinary(BinaryExpression binary, BinaryOperator op, ValueType left, ValueType right)
    {
        switch (op)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                if (left is not (ValueType.Boolean or ValueType.Unknown) || right is not (ValueType.Boolean or ValueType.Unknown))
                    Mismatch(binary, $"'{Word(op)}' joins conditions, not {left.Describe()} and {right.Describe()}");
                return ValueType.Boolean;
            case BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual
                or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                if (!left.ComparableWith(right))
                    Mismatch(binary, $"cannot compare {left.Describe()} with {right.Describe()}");
                return ValueType.Boolean;
            case BinaryOperator.Subtract when left.IsTemporal() && right.IsTemporal() && left != ValueType.Unknown:
                return ValueType.Interval;
            default:
                if (!left.IsNumeric() || !right.IsNumeric())
                {
                    Mismatch(binary, $"'{Word(op)}' needs numbers, not {left.Describe()} and {right.Describe()}");
                    return ValueType.Unknown;
                }
                return left == ValueType.Integer && right == ValueType.Integer && op != BinaryOperator.Divide
                    ? ValueType.Integer : ValueType.Decimal;
        }
    }

    private BoundExpression BindRowUnary(UnaryExpression unary, RowScope scope)
    {
        var operand = BindRow(unary.Operand, scope);
        var op = unary.Operator.ToModel();
        if (op == UnaryOperator.Not && operand.Type is not (ValueType.Boolean or ValueType.Unknown))
            Mismatch(unary, $"'not' applies to a condition, not {operand.Type.Describe()}");
        if (op == UnaryOperator.Negate && !operand.Type.IsNumeric())
            Mismatch(unary, $"'-' applies to a number, not {operand.Type.Describe()}");
        return new BoundUnary(op, operand, op == UnaryOperator.Not ? ValueType.Boolean : operand.Type, unary.Span);
    }

    private BoundExpression BindIn(InExpression expression, RowScope scope)
    {
        var value = BindRow(expression.Value, scope);
        var items = expression.Items.Select(i => BindRow(i, scope)).ToArray();
        foreach (var item in items.Where(i => !value.Type.ComparableWith(i.Type)))
            context.Error(DiagnosticCode.TypeMismatch, item.Span, $"{item.Type.Describe()} in a list compared with {value.Type.Describe()}");
        return new BoundIn(value, items, expression.Negated, expression.Span);
    }

    private BoundExpression BindBetween(BetweenExpression expression, RowScope scope)
    {
        var value = BindRow(expression.Value, scope);
        var low = BindRow(expression.Low, scope);
        var high = BindRow(expression.High, scope);
        if (!value.Type.ComparableWith(low.Type) || !value.Type.ComparableWith(high.Type))
            Mismatch(expression, $"cannot compare {value.Type.Describe()} with {low.Type.Describe()} and {high.Type.Describe()}");
        return new BoundBetween(value, low, high, expression.Span);
    }

    private BoundExpression BindRowCall(CallExpression call, RowScope scope)
    {
        var name = call.Function.Text;
        if (IsAggregated(call))
            return NestedAggregate(call);
        if (!FunctionCatalog.RowFunctions.TryGetValue(name, out var function))
        {
            context.UnknownName(call.Function, "function", name, FunctionCatalog.AllNames);
            return new BoundLiteral("", ValueType.Unknown, call.Span);
        }
        if (call.Arguments.Length < function.MinArguments || call.Arguments.Length > function.MaxArguments)
            return Invalid(call, DiagnosticCode.WrongArguments,
                $"'{name}' takes {Arity(function)}, not {call.Arguments.Length}", $"{name}: {function.Summary}");
        var arguments = call.Arguments.Select(a => BindRow(a.Value, scope)).ToArray();
        CheckRowArguments(call, function, arguments);
        return new BoundRowCall(function, arguments, call.Span);
    }

    private void CheckRowArguments(CallExpression call, RowFunction function, BoundExpression[] arguments)
    {
        switch (function.Name)
        {
            case "hours" or "days" when arguments[0].Type is not (ValueType.Interval or ValueType.Unknown):
                Mismatch(call, $"'{function.Name}' takes a difference of two times (t2 - t1), not {arguments[0].Type.Describe()}");
                break;
            case "year" or "month_of" when !arguments[0].Type.IsTemporal():
                Mismatch(call, $"'{function.Name}' takes a date or timestamp, not {arguments[0].Type.Describe()}");
                break;
            case "bucket":
                if (!arguments[0].Type.IsNumeric()) Mismatch(call, $"'bucket' labels numbers, not {arguments[0].Type.Describe()}");
                var bounds = arguments.Skip(1).Select(a => (a as BoundLiteral)?.Value as decimal?).ToArray();
                if (bounds.Any(b => b is null) || bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
                    context.Error(DiagnosticCode.WrongArguments, call.Span, "'bucket' bounds must be increasing numbers: bucket(age, 30, 50)");
                break;
            case "coalesce" when arguments.Skip(1).Any(a => !a.Type.ComparableWith(arguments[0].Type)):
                Mismatch(call, "'coalesce' arguments must have the same type");
                break;
        }
    }

    /// <summary>Whether the expression is already an aggregate (a call of one, or a metric's name), so no row value.</summary>
    private bool IsAggregated(Expression expression) => expression switch
    {
        CallExpression c => FunctionCatalog.Aggregates.ContainsKey(c.Function.Text) || c.Function.Text == "ltv",
        PathExpression { Segments.Length: 1 } p => IsMetricName(p.Text),
        _ => false,
    };

    private BoundExpression NestedAggregate(Expression expression) => expression is CallExpression call
        ? Invalid(call, DiagnosticCode.NestedAggregate, $"'{call.Function.Text}' aggregates rows and cannot be used inside another aggregate or a row expression",
            "aggregate once: metric x = sum(orders.amount); combine metrics outside aggregates")
        : Invalid(expression, DiagnosticCode.NestedAggregate, $"metric '{context.TextOf(expression)}' cannot be used inside an aggregate or a row condition",
            "an aggregate reads row values; combine metrics outside it: metric x = a / b");

    private static string Arity(RowFunction f) =>
        f.MinArguments == f.MaxArguments ? $"{f.MinArguments} argument{(f.MinArguments == 1 ? "" : "s")}" : $"{f.MinArguments} to {f.MaxArguments} arguments";

    private void Mismatch(SyntaxNode at, string message) => context.Error(DiagnosticCode.TypeMismatch, at.Span, message);

    private BoundExpression Invalid(SyntaxNode at, string message) => Invalid(at, DiagnosticCode.TypeMismatch, message);

    private BoundExpression Invalid(SyntaxNode at, DiagnosticCode code, string message, string? hint = null)
    {
        context.Error(code, at.Span, message, hint);
        return new BoundLiteral("", ValueType.Unknown, at.Span);
    }

    private static string Word(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/",
        BinaryOperator.And => "and", BinaryOperator.Or => "or", _ => op.ToString(),
    };
}
