using System.Runtime.CompilerServices;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Binding;

/// <summary>
/// How deep and how large a bound expression is once the metrics and dimensions it names are written out in
/// place, which is what the planner does. A chain of metrics each using the last, or each using the last twice,
/// is short to write but deep or exponentially large to plan; both are refused here, each metric and dimension
/// measured once (from those it uses, already measured), so the measuring itself stays shallow and linear.
/// </summary>
internal sealed class Expansions(BinderContext context)
{
    private const int Cap = CxrLimits.MaxExpandedSize + 1;

    private readonly Dictionary<string, (int Depth, int Size)> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<FieldModel, (int Depth, int Size)> _dimensions = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reports CXR031 or CXR032 at <paramref name="at"/> when the expression expands beyond the limits.</summary>
    public void Check(BoundExpression expression, SyntaxNode at, string what) => Measure(expression, at, what);

    /// <summary>
    /// Checks a metric's expression and remembers its measure for the metrics that use it. One that is refused
    /// counts as small from then on, so a long chain is reported once, where it crosses the limit, not at every
    /// metric after it.
    /// </summary>
    public void CheckMetric(string name, BoundExpression expression, SyntaxNode at) =>
        _metrics[name] = Measure(expression, at, $"metric '{name}'") ? Of(expression) : (1, 1);

    /// <summary>Checks a dimension's derivation; like <see cref="CheckMetric"/> for the dimensions derived from it.</summary>
    public void CheckDimension(FieldModel dimension, SyntaxNode at) =>
        _dimensions[dimension] = Measure(dimension.Derivation!, at, $"dimension '{dimension.Name}'") ? Of(dimension.Derivation!) : (1, 1);

    /// <summary>False, with the diagnostic reported, when the expression expands beyond a limit.</summary>
    private bool Measure(BoundExpression expression, SyntaxNode at, string what)
    {
        var (depth, size) = Of(expression);
        if (depth > CxrLimits.MaxExpandedDepth)
        {
            context.Error(DiagnosticCode.NestedTooDeeply, at.Span,
                $"{what} nests more than {CxrLimits.MaxExpandedDepth} levels deep with the metrics and dimensions it uses written out",
                "define it from aggregates and fields directly rather than through a long chain of metrics or dimensions");
            return false;
        }
        if (size > CxrLimits.MaxExpandedSize)
        {
            context.Error(DiagnosticCode.ExpandsTooLarge, at.Span,
                $"{what} has more than {CxrLimits.MaxExpandedSize:N0} parts with the metrics and dimensions it uses written out",
                "a metric that uses another several times doubles in size at each step; use each metric once or define fewer layers");
            return false;
        }
        return true;
    }

    public (int Depth, int Size) Of(BoundExpression expression)
    {
        // Measured deep inside a binding that is itself near the stack's end: count it as too deep, never overflow.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) return (Cap, Cap);
        return expression switch
        {
            BoundMetricReference r => Metric(r.Metric),
            BoundField { Field: { Derivation: { } derivation } field } => Dimension(field, derivation),
            BoundBinary b => Node(Of(b.Left), Of(b.Right)),
            BoundUnary u => Node(Of(u.Operand)),
            BoundIn i => Node([Of(i.Value), .. i.Items.Select(Of)]),
            BoundBetween b => Node(Of(b.Value), Of(b.Low), Of(b.High)),
            BoundRowCall c => Node([.. c.Arguments.Select(Of)]),
            BoundAggregate a => Node([.. a.Arguments.Select(Of), .. a.Filter is null ? [] : new[] { Of(a.Filter) }]),
            BoundLtv l => Node([.. new[] { l.Value, l.Churn, l.Margin, l.YearlyDiscount, l.Cost }.OfType<BoundExpression>().Select(Of)]),
            _ => (1, 1),
        };
    }

    private (int Depth, int Size) Metric(string name)
    {
        if (_metrics.TryGetValue(name, out var known)) return known;
        var measured = context.Metrics.TryGetValue(name, out var metric) ? Of(metric.Expression) : (1, 1);
        _metrics[name] = measured;
        return measured;
    }

    private (int Depth, int Size) Dimension(FieldModel field, BoundExpression derivation)
    {
        if (_dimensions.TryGetValue(field, out var known)) return known;
        var measured = Of(derivation);
        _dimensions[field] = measured;
        return measured;
    }

    private static (int Depth, int Size) Node(params (int Depth, int Size)[] children)
    {
        var depth = 0;
        var size = 1;
        foreach (var child in children)
        {
            depth = Math.Max(depth, child.Depth);
            size = Math.Min(Cap, size + child.Size);
        }
        return (Math.Min(Cap, depth + 1), size);
    }
}
