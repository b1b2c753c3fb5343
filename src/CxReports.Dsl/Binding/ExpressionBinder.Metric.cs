using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using ValueType = CxReports.Dsl.Model.ValueType;
using BinaryOperator = CxReports.Dsl.Model.BinaryOperator;
using UnaryOperator = CxReports.Dsl.Model.UnaryOperator;

namespace CxReports.Dsl.Binding;

internal sealed partial class ExpressionBinder
{
    private bool IsMetricName(string name) =>
        context.Metrics.ContainsKey(name) || (context.Declarations.TryGetValue(name, out var d) && d is MetricDeclaration);

    /// <summary>
    /// A metric-level expression: numbers, metric names, aggregates and <c>ltv</c>, combined with arithmetic.
    /// <paramref name="where"/> (the metric's own <c>where</c>) is bound into every aggregate from its source.
    /// </summary>
    public BoundExpression BindMetric(Expression expression, Expression? where) =>
        Deeper(expression, () => BindMetricNode(expression, where));

    private BoundExpression BindMetricNode(Expression expression, Expression? where) => expression switch
    {
        NumberLiteral n => new BoundLiteral(n.Value, ValueType.Number, n.Span),
        PercentLiteral p => new BoundLiteral(p.Value, ValueType.Number, p.Span),
        PathExpression p => BindMetricName(p),
        CallExpression c when FunctionCatalog.Aggregates.TryGetValue(c.Function.Text, out var f) => BindAggregate(c, f, where),
        CallExpression { Function.Text: "ltv" } c => BindLtv(c, where),
        CallExpression c when FunctionCatalog.RowFunctions.ContainsKey(c.Function.Text) =>
            Invalid(c, DiagnosticCode.NotAggregated, $"'{c.Function.Text}' computes a value per row; aggregate it to make a metric",
                $"for example median({context.TextOf(c)})"),
        CallExpression c => UnknownFunction(c),
        BinaryExpression b when b.Operator.ToModel() is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide =>
            new BoundBinary(b.Operator.ToModel(), BindMetric(b.Left, where), BindMetric(b.Right, where), ValueType.Number, b.Span),
        UnaryExpression { Operator: Syntax.Tree.UnaryOperator.Negate } u =>
            new BoundUnary(UnaryOperator.Negate, BindMetric(u.Operand, where), ValueType.Number, u.Span),
        _ => Invalid(expression, DiagnosticCode.TypeMismatch, "a metric is a number: combine metrics and aggregates with + - * /",
            "conditions belong in `where`: metric x = count(responses) where responses.score >= 9"),
    };

    private BoundExpression UnknownFunction(CallExpression call)
    {
        context.UnknownName(call.Function, "function", call.Function.Text, FunctionCatalog.AllNames);
        return new BoundLiteral("", ValueType.Unknown, call.Span);
    }

    private BoundExpression BindMetricName(PathExpression path)
    {
        var head = path.Segments[0].Text;
        if (path.Segments.Length == 1 && IsMetricName(head))
        {
            metrics?.Require(head, path.Span);
            return new BoundMetricReference(head, path.Span);
        }
        if (path.Segments.Length == 1 && context.Sources.ContainsKey(head))
            return Invalid(path, DiagnosticCode.NotAggregated, $"'{head}' is a source, not a number", $"count its rows: count({head})");
        if (path.Segments.Length > 1 && context.Sources.ContainsKey(head))
            return Invalid(path, DiagnosticCode.NotAggregated, $"'{path.Text}' is a value per row, not a metric",
                $"aggregate it, for example mean({path.Text}) or sum({path.Text})");
        context.UnknownName(path, "metric", path.Text, context.Declarations.Values.OfType<MetricDeclaration>().Select(m => m.Name.Text).Concat(context.Metrics.Keys));
        return new BoundLiteral("", ValueType.Unknown, path.Span);
    }

    private BoundExpression BindAggregate(CallExpression call, AggregateFunction function, Expression? where)
    {
        var name = function.Name;
        if (call.Arguments.FirstOrDefault(a => a.Label is not null || a.Per is not null) is { } labelled)
            return Invalid(labelled, DiagnosticCode.WrongArguments, $"'{name}' takes plain arguments, without labels or `per`");

        var expected = function.TakesPercentile ? 2 : 1;
        if (call.Arguments.Length != expected)
            return Invalid(call, DiagnosticCode.WrongArguments, $"'{name}' takes {expected} argument{(expected == 1 ? "" : "s")}, not {call.Arguments.Length}",
                $"{name}: {function.Summary}");

        var first = call.Arguments[0].Value;
        var namesSource = first is PathExpression { Segments.Length: 1 } p && context.Sources.ContainsKey(p.Text);
        if (!namesSource && first is PathExpression { Segments.Length: 1 } bare && !IsMetricName(bare.Text)
            && (function.Input == AggregateInput.Source || DidYouMean.Suggest(bare.Text, context.Sources.Keys) is not null))
        {
            context.UnknownName(bare, "source", bare.Text, context.Sources.Keys);
            return new BoundLiteral("", ValueType.Unknown, call.Span);
        }
        if (function.Input == AggregateInput.Source && !namesSource)
            return Invalid(first, DiagnosticCode.WrongArguments, $"'{name}' takes a source name, like {name}(customers)");
        if (function.Input is AggregateInput.Source or AggregateInput.SourceOrValue && namesSource)
        {
            var source = context.Sources[((PathExpression)first).Text];
            if (!MeetsRequirement(call, function, source)) return new BoundLiteral("", ValueType.Unknown, call.Span);
            return new BoundAggregate(function, source.Name, [], BindFilter(where, source), call.Span);
        }

        if (RootSourceOf(first) is not { } root)
        {
            if (Subexpressions(first).FirstOrDefault(IsAggregated) is { } nested) return NestedAggregate(nested);
            return Invalid(first, DiagnosticCode.UnknownName, $"cannot tell which source '{context.TextOf(first)}' reads",
                "qualify fields with their source: responses.score");
        }
        if (name is "first" or "last" && root.TimeAxis is null)
            context.Error(DiagnosticCode.NoTimeAxis, call.Span,
                $"'{name}' takes the {(name == "first" ? "earliest" : "latest")} row by the time axis, but source '{root.Name}' has no time field",
                $"declare one in '{root.Name}': time <name> = \"<column>\"");
        var scope = RowScope.Of(root) with { UnreachableCode = DiagnosticCode.MixedSources };
        var argument = function.Input == AggregateInput.Condition ? BindCondition(first, scope) : BindRow(first, scope);
        if (function.NumericInput && function.Input != AggregateInput.Condition && !argument.Type.IsNumeric())
            context.Error(DiagnosticCode.TypeMismatch, first.Span, $"'{name}' needs numbers, but '{context.TextOf(first)}' is {argument.Type.Describe()}");

        var arguments = new List<BoundExpression> { argument };
        if (function.TakesPercentile)
        {
            var percentile = SourceBinder.Constant(call.Arguments[1].Value);
            if (percentile is not decimal pct || pct < 0 || pct > 100)
                context.Error(DiagnosticCode.WrongArguments, call.Arguments[1].Span, "the percentile must be a number from 0 to 100: percentile(x, 90)");
            arguments.Add(new BoundLiteral(percentile as decimal? ?? 0m, ValueType.Decimal, call.Arguments[1].Span));
        }
        return new BoundAggregate(function, root.Name, arguments, BindFilter(where, root), call.Span);
    }

    private bool MeetsRequirement(CallExpression call, AggregateFunction function, SourceModel source)
    {
        if (function.Requires == SourceRequirement.Lifecycle && source.Lifecycle is null)
        {
            context.Error(DiagnosticCode.NoLifecycle, call.Span, $"'{function.Name}' needs a customer lifecycle, but source '{source.Name}' has none",
                $"declare when an entity starts and ends in '{source.Name}': lifecycle <start> .. <end>");
            return false;
        }
        if (function.Requires == SourceRequirement.Recurring && source.Recurring is null)
        {
            context.Error(DiagnosticCode.NoRecurring, call.Span, $"'{function.Name}' needs recurring revenue, but source '{source.Name}' declares none",
                $"declare which rows are MRR in '{source.Name}': recurring <amount> per month [where ...]");
            return false;
        }
        return true;
    }

    private BoundExpression? BindFilter(Expression? where, SourceModel source) =>
        where is null ? null : BindCondition(where, RowScope.Of(source) with { UnreachableCode = DiagnosticCode.Unreachable });

    /// <summary>The source an aggregate reads: the first source named at the head of a path in its argument.</summary>
    private SourceModel? RootSourceOf(Expression expression)
    {
        foreach (var path in PathsIn(expression))
            if (context.Sources.TryGetValue(path.Segments[0].Text, out var source) && path.Segments.Length > 1)
                return source;
        return null;
    }

    internal static IEnumerable<PathExpression> PathsIn(Expression expression) => Subexpressions(expression).OfType<PathExpression>();

    /// <summary>The expression and every expression inside it, outermost first.</summary>
    private static IEnumerable<Expression> Subexpressions(Expression expression) => new[] { expression }.Concat(expression switch
    {
        BinaryExpression b => Subexpressions(b.Left).Concat(Subexpressions(b.Right)),
        UnaryExpression u => Subexpressions(u.Operand),
        InExpression i => Subexpressions(i.Value).Concat(i.Items.SelectMany(Subexpressions)),
        BetweenExpression b => Subexpressions(b.Value).Concat(Subexpressions(b.Low)).Concat(Subexpressions(b.High)),
        CallExpression c => c.Arguments.SelectMany(a => Subexpressions(a.Value)),
        _ => [],
    });

    private BoundExpression BindLtv(CallExpression call, Expression? where)
    {
        var arguments = new Dictionary<string, BoundExpression>();
        foreach (var argument in call.Arguments)
        {
            if (argument.Label is not { } label || !FunctionCatalog.LtvArguments.ContainsKey(label.Text))
            {
                context.Error(DiagnosticCode.WrongArguments, argument.Span,
                    argument.Label is null ? "ltv arguments are labelled: ltv(value: arpa, churn: churn, margin: 80%)" : $"ltv has no argument '{argument.Label.Text}'",
                    argument.Label is null ? null : DidYouMean.Hint(argument.Label.Text, FunctionCatalog.LtvArguments.Keys));
                continue;
            }
            if (!arguments.TryAdd(label.Text, BindMetric(argument.Value, where)))
                context.Error(DiagnosticCode.WrongArguments, argument.Span, $"ltv argument '{label.Text}' is given twice");
            var wantsYear = label.Text == "discount";
            if (wantsYear && argument.Per?.Text != "year")
                context.Error(DiagnosticCode.WrongArguments, argument.Span, "the discount is a yearly rate: discount: 10% per year");
            if (!wantsYear && argument.Per is not null)
                context.Error(DiagnosticCode.WrongArguments, argument.Per.Span, $"'per' only applies to the discount, not to '{label.Text}'");
        }
        foreach (var (required, _) in FunctionCatalog.LtvArguments.Where(a => a.Value && !arguments.ContainsKey(a.Key)))
            context.Error(DiagnosticCode.WrongArguments, call.Span, $"ltv needs '{required}'", "ltv(value: arpa, churn: churn, margin: 80%)");
        foreach (var monthly in new[] { "value", "churn", "cost" })
            if (arguments.TryGetValue(monthly, out var input) && Monthly(input) == false)
                context.Error(DiagnosticCode.NotMonthly, input.Span, $"ltv's {monthly} must be a monthly quantity",
                    $"add `per month` to the metric: metric {context.TextOf(call.Arguments.First(a => a.Label?.Text == monthly).Value)} = ... per month");
        if (arguments.Count < 3 || !FunctionCatalog.LtvArguments.Where(a => a.Value).All(a => arguments.ContainsKey(a.Key)))
            return new BoundLiteral("", ValueType.Unknown, call.Span);
        return new BoundLtv(arguments["value"], arguments["churn"], arguments["margin"],
            arguments.GetValueOrDefault("discount"), arguments.GetValueOrDefault("cost"), call.Span);
    }

    /// <summary>True for monthly quantities, false for others, null for constants (which fit either).</summary>
    public bool? Monthly(BoundExpression expression) => expression switch
    {
        BoundLiteral => null,
        BoundAggregate a => a.Function.Monthly,
        BoundMetricReference r => context.Metrics.TryGetValue(r.Metric, out var m) ? m.Monthly : null,
        BoundBinary b => Combine(Monthly(b.Left), Monthly(b.Right)),
        BoundUnary u => Monthly(u.Operand),
        _ => false,
    };

    private static bool? Combine(bool? left, bool? right) =>
        left == false || right == false ? false : left == true || right == true ? true : null;
}
