using System.Collections;
using CxReports.Dsl.Model;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Finds, among a query's metric columns, those that are the margin of error of another: a column whose aggregate's
/// catalog entry says it is the margin of a function (<c>nps_margin</c> of <c>nps</c>) is paired with the column that
/// computes that function over the same source, arguments and filter. The relation comes from the catalog, never
/// from the columns' names; a margin without its metric in the query stays a column of its own.
/// </summary>
public static class MarginPairing
{
    public static QueryMetric[] Pair(QueryMetric[] metrics, IReadOnlyDictionary<string, MetricModel> model)
    {
        var aggregates = metrics.Select(m => AggregateOf(m.Expression, model, 0)).ToArray();
        return metrics.Select((metric, i) =>
        {
            if (aggregates[i] is not { Function.MarginOf: { } of } margin) return metric;
            var j = Array.FindIndex(aggregates, a => a is not null && a.Function.Name == of && a.Source == margin.Source
                && Same(a.Arguments, margin.Arguments) && Same(a.Filter, margin.Filter));
            return j < 0 ? metric : metric with { MarginOf = metrics[j].Name };
        }).ToArray();
    }

    /// <summary>The one aggregate a metric column is, through named metrics; null for anything computed further.</summary>
    private static BoundAggregate? AggregateOf(BoundExpression expression, IReadOnlyDictionary<string, MetricModel> model, int depth) => expression switch
    {
        BoundAggregate aggregate => aggregate,
        BoundMetricReference reference when depth < 64 && model.TryGetValue(reference.Metric, out var metric) => AggregateOf(metric.Expression, model, depth + 1),
        _ => null,
    };

    /// <summary>The same computation, wherever it was written: bound trees compared without their source positions.</summary>
    private static bool Same(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is BoundExpression && b is BoundExpression)
            return a.GetType() == b.GetType() && a.GetType().GetProperties()
                .Where(p => p.Name != nameof(BoundExpression.Span) && p.GetIndexParameters().Length == 0)
                .All(p => Same(p.GetValue(a), p.GetValue(b)));
        if (a is IEnumerable first && b is IEnumerable second && a is not string)
        {
            var left = first.Cast<object?>().ToList();
            var right = second.Cast<object?>().ToList();
            return left.Count == right.Count && left.Zip(right).All(p => Same(p.First, p.Second));
        }
        return Equals(a, b);
    }
}
