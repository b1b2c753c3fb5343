using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using BinaryOperator = CxReports.Dsl.Model.BinaryOperator;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds metrics depth-first so a metric's parts are bound before it; a metric met again while it is being
/// bound closes a cycle, reported once with the whole chain.
/// </summary>
internal sealed class MetricBinder
{
    private readonly BinderContext _context;
    private readonly ExpressionBinder _expressions;
    private readonly List<string> _inProgress = [];
    private readonly HashSet<string> _failed = [];

    public MetricBinder(BinderContext context)
    {
        _context = context;
        _expressions = new ExpressionBinder(context, this);
    }

    /// <summary>The metrics being bound, outermost first: the chain a too deep nesting runs through.</summary>
    public IReadOnlyList<string> Chain => _inProgress;

    public void BindAll()
    {
        foreach (var declaration in _context.DeclarationsOf<MetricDeclaration>().OrderBy(d => d.Span.File).ThenBy(d => d.Span.Offset))
            Require(declaration.Name.Text, declaration.Name.Span);
    }

    /// <summary>Makes sure the metric is bound (binding it now if needed); false if it cannot be.</summary>
    public bool Require(string name, SourceSpan usedAt)
    {
        if (_context.Metrics.ContainsKey(name)) return true;
        if (_failed.Contains(name)) return false;
        if (_context.Declarations.GetValueOrDefault(name) is not MetricDeclaration declaration) return false;

        var cycleStart = _inProgress.IndexOf(name);
        if (cycleStart >= 0)
        {
            var chain = string.Join(" -> ", _inProgress.Skip(cycleStart).Append(name));
            _context.Error(DiagnosticCode.MetricCycle, usedAt, $"metrics depend on each other in a cycle: {chain}",
                "a metric cannot be computed from itself; break the chain with a metric built from aggregates only");
            _failed.UnionWith(_inProgress.Skip(cycleStart));
            return false;
        }

        _inProgress.Add(name);
        var metric = Bind(declaration);
        _inProgress.RemoveAt(_inProgress.Count - 1);
        if (_failed.Contains(name)) return false;
        _context.Metrics[name] = metric;
        return true;
    }

    private MetricModel Bind(MetricDeclaration declaration)
    {
        var perMonth = declaration.Per is { } per;
        if (declaration.Per is { Text: not "month" } wrong)
            _context.Error(DiagnosticCode.InvalidSetting, wrong.Span, $"a metric can be made monthly (`per month`), not per {wrong.Text}");
        var expression = _expressions.BindMetric(declaration.Value, declaration.Where);
        if (declaration.Where is not null && !Aggregates(expression).Any())
            _context.Error(DiagnosticCode.NotAggregated, declaration.Where.Span, "`where` filters the rows of aggregates, but this metric has none of its own",
                "put the condition on the metrics it is built from");
        _context.Expansions.CheckMetric(declaration.Name.Text, expression, declaration.Value);
        var dependsOn = References(expression).Distinct().ToArray();
        // Its own label even when it only renames another metric (metric churn_pct "Churn" = churn).
        var label = declaration.Label?.Value ?? declaration.Name.Text;
        var monthly = perMonth || _expressions.Monthly(expression) == true;
        var (meaning, labels) = new MeaningBinder(_context).Apply(declaration,
            MeaningOf(expression, label) with { Label = label, PerMonth = monthly }, _context.Settings.Currency);
        return new MetricModel(declaration.Name.Text, declaration.Label?.Value, expression, perMonth, meaning.Unit, declaration.Span)
        {
            Meaning = meaning,
            Labels = labels,
            Sources = Aggregates(expression).Select(a => a.Source).Distinct().ToArray(),
            DependsOn = dependsOn,
            Monthly = monthly,
        };
    }

    /// <summary>
    /// What an expression's values mean, under <paramref name="label"/>: a named metric's own meaning (label
    /// included), else the unit by <see cref="UnitOf"/> with that unit's defaults, the direction by
    /// <see cref="DirectionOf"/>, the model's currency for money, and whether it is a monthly quantity.
    /// </summary>
    internal Meaning MeaningOf(BoundExpression expression, string label)
    {
        if (expression is BoundMetricReference r && _context.Metrics.TryGetValue(r.Metric, out var metric)) return metric.Meaning;
        var meaning = Meaning.Of(UnitOf(expression), DirectionOf(expression), label) with { PerMonth = _expressions.Monthly(expression) == true };
        return meaning.Unit == Unit.Currency ? meaning with { Currency = _context.Settings.Currency } : meaning;
    }

    /// <summary>
    /// Whether a rise is good news: the function's direction from the catalog, a named metric's, an ltv's (higher),
    /// kept through a sign-keeping scale by a constant (<c>x * 100</c>, <c>x / 12</c>); anything else is neutral.
    /// Walks a loop, not a recursion, as expressions may be deep.
    /// </summary>
    internal Direction DirectionOf(BoundExpression expression)
    {
        while (true)
        {
            switch (expression)
            {
                case BoundAggregate a: return a.Function.Direction;
                case BoundMetricReference r: return _context.Metrics.TryGetValue(r.Metric, out var m) ? m.Meaning.Direction : Direction.Neutral;
                case BoundLtv: return Direction.HigherIsBetter;
                case BoundBinary { Operator: BinaryOperator.Multiply or BinaryOperator.Divide, Right: BoundLiteral { Value: decimal and > 0m } } b:
                    expression = b.Left; break;
                case BoundBinary { Operator: BinaryOperator.Multiply, Left: BoundLiteral { Value: decimal and > 0m } } b:
                    expression = b.Right; break;
                default: return Direction.Neutral;
            }
        }
    }

    /// <summary>
    /// What the number means: the aggregate's unit (or its argument's, for a median of <c>hours(...)</c>), or a simple
    /// rule for arithmetic on units.
    /// </summary>
    internal Unit UnitOf(BoundExpression expression) => expression switch
    {
        BoundAggregate { Function.KeepsValueUnit: true, Arguments: [BoundRowCall { Function.Unit: not Unit.None } call, ..] } => call.Function.Unit,
        BoundAggregate a => a.Function.Unit,
        BoundMetricReference r => _context.Metrics.TryGetValue(r.Metric, out var m) ? m.Unit : Unit.None,
        BoundLtv => Unit.Currency,
        BoundUnary u => UnitOf(u.Operand),
        BoundBinary b => (b.Operator, UnitOf(b.Left), UnitOf(b.Right)) switch
        {
            (BinaryOperator.Divide, var l, Unit.Count) => l == Unit.Count ? Unit.Ratio : l,
            (BinaryOperator.Divide, var l, var r) when l == r && l != Unit.None => Unit.Ratio,
            (BinaryOperator.Multiply, var l, Unit.None) => l,
            (BinaryOperator.Multiply, Unit.None, var r) => r,
            (BinaryOperator.Add or BinaryOperator.Subtract, var l, var r) when l == r => l,
            _ => Unit.None,
        },
        _ => Unit.None,
    };

    internal static IEnumerable<BoundAggregate> Aggregates(BoundExpression expression) => expression switch
    {
        BoundAggregate a => [a],
        BoundBinary b => Aggregates(b.Left).Concat(Aggregates(b.Right)),
        BoundUnary u => Aggregates(u.Operand),
        BoundLtv l => new[] { l.Value, l.Churn, l.Margin, l.YearlyDiscount, l.Cost }.OfType<BoundExpression>().SelectMany(Aggregates),
        _ => [],
    };

    internal static IEnumerable<string> References(BoundExpression expression) => expression switch
    {
        BoundMetricReference r => [r.Metric],
        BoundBinary b => References(b.Left).Concat(References(b.Right)),
        BoundUnary u => References(u.Operand),
        BoundLtv l => new[] { l.Value, l.Churn, l.Margin, l.YearlyDiscount, l.Cost }.OfType<BoundExpression>().SelectMany(References),
        _ => [],
    };
}
