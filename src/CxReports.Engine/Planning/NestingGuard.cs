using System.Runtime.CompilerServices;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;

namespace CxReports.Engine.Planning;

/// <summary>
/// Keeps the planner's recursion over an expression, with its metrics and dimensions written out, within the depth
/// the binder allows (<see cref="CxrLimits"/>): a model that did not come through the binder's checks, or too
/// little stack left, ends planning with a <see cref="PlanningException"/> naming the place, never a stack overflow.
/// </summary>
internal sealed class NestingGuard
{
    /// <summary>A query's own expression plus the metrics and dimensions it names, each within the binder's limits.</summary>
    public const int MaxDepth = CxrLimits.MaxExpressionDepth + CxrLimits.MaxExpandedDepth;

    private int _depth;

    public T Deeper<T>(BoundExpression at, Func<T> step)
    {
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new PlanningException(
                $"{at.Span}: the expression nests more than {MaxDepth} levels deep with the metrics and dimensions it uses written out (CXR031); define it from aggregates and fields directly");
        _depth++;
        try
        {
            return step();
        }
        finally
        {
            _depth--;
        }
    }
}
