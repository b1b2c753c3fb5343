using CxReports.Dsl.Model;

namespace CxReports.Engine.Reports;

/// <summary>
/// The sources whose data a metric or block depends on, found from the bound model (never from SQL text): each
/// aggregate's source, through named metrics, LTV's inputs, a score's components and a scenario's inputs. A
/// lifecycle aggregate (active, churned, churn_rate, new, cohorts) also reads the source of its churn events
/// (<c>lifecycle signup .. churns.left_at</c>): a customer counts as active until a churn event says otherwise, so
/// once the churn events' data has ended, who is still a customer is unknown. Fields reached through links (a
/// customer's plan) are attributes, not events, and do not count.
/// </summary>
public sealed class SourcesRead(SemanticModel model)
{
    public IReadOnlySet<string> Of(BoundExpression expression)
    {
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        Collect(expression, sources);
        return sources;
    }

    public IReadOnlySet<string> Of(BlockModel block)
    {
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        switch (block)
        {
            case KpiBlockModel kpi: foreach (var m in kpi.Metrics) Collect(m.Expression, sources); break;
            case ChartBlockModel chart: foreach (var m in chart.Query.Metrics) Collect(m.Expression, sources); break;
            case TableBlockModel table: foreach (var m in table.Query.Metrics) Collect(m.Expression, sources); break;
            case CohortBlockModel cohort: Entity(cohort.Source, sources); break;
            case ScoresBlockModel scores: foreach (var c in model.Scores[scores.Score].Components) Collect(c.Value, sources); break;
            case ScenarioBlockModel scenario:
                var s = model.Scenarios[scenario.Scenario];
                foreach (var e in new[] { s.Value, s.Churn, s.Cost }.OfType<BoundExpression>()) Collect(e, sources);
                break;
        }
        return sources;
    }

    private void Collect(BoundExpression expression, ISet<string> sources)
    {
        switch (expression)
        {
            case BoundAggregate a when a.Function.Requires == SourceRequirement.Lifecycle: Entity(a.Source, sources); break;
            case BoundAggregate a: sources.Add(a.Source); break;
            case BoundMetricReference r: Collect(model.Metrics[r.Metric].Expression, sources); break;
            case BoundLtv l:
                foreach (var e in new[] { l.Value, l.Churn, l.Margin, l.YearlyDiscount, l.Cost }.OfType<BoundExpression>()) Collect(e, sources);
                break;
            case BoundBinary b: Collect(b.Left, sources); Collect(b.Right, sources); break;
            case BoundUnary u: Collect(u.Operand, sources); break;
            case BoundRowCall c: foreach (var e in c.Arguments) Collect(e, sources); break;
        }
    }

    /// <summary>An entity with a lifecycle: its own source, and the source its churn events come from, if another.</summary>
    private void Entity(string source, ISet<string> sources)
    {
        sources.Add(source);
        if (model.Sources[source].Lifecycle is { } lifecycle)
            foreach (var end in new[] { lifecycle.End, lifecycle.EndLink }.OfType<FieldModel>()) sources.Add(end.Source);
    }
}
