using CxReports.Dsl.Model;

namespace CxReports.Engine.Reports;

/// <summary>
/// Every source a report's results depend on, found from the bound model: the sources its figures aggregate, the
/// sources its dimensions, filters, where clauses and score lists reach through links, an entity's churn events and
/// a source's own derived fields and recurring rows. A result cached for the report stays valid exactly while these
/// sources' data does. Wider than <see cref="SourcesRead"/> (which sources' data ends bound a figure): a customer's
/// plan does not end a figure, but a changed plan changes a table by plan.
/// </summary>
public sealed class ReportDependencies(SemanticModel model)
{
    public IReadOnlySet<string> Of(ReportModel report)
    {
        var walk = new Walk(model);
        foreach (var block in report.Sections.SelectMany(s => s.Blocks)) walk.Block(block);
        // A report filter narrows the rows of each source it is written for, where that source is read at all.
        var read = walk.Sources.ToArray();
        foreach (var filter in report.Filters)
        {
            foreach (var (_, expression) in filter.BySource.Where(f => read.Contains(f.Key))) walk.Expression(expression);
            if (filter.Unless is { } unless) walk.Expression(unless);
        }
        return walk.Sources;
    }

    /// <summary>One walk over a report: each metric and source visited once, however many blocks share it.</summary>
    private sealed class Walk(SemanticModel model)
    {
        private readonly HashSet<string> _metrics = new(StringComparer.Ordinal);

        public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);

        public void Block(BlockModel block)
        {
            switch (block)
            {
                case KpiBlockModel kpi: foreach (var metric in kpi.Metrics) Expression(metric.Expression); break;
                case ChartBlockModel chart: Query(chart.Query); break;
                case TableBlockModel table: Query(table.Query); break;
                case CohortBlockModel cohort: Entity(cohort.Source); break;
                case ScoresBlockModel scores: Scores(scores); break;
                case ScenarioBlockModel scenario: Scenario(model.Scenarios[scenario.Scenario]); break;
            }
        }

        private void Query(BoundQuery query)
        {
            foreach (var metric in query.Metrics) Expression(metric.Expression);
            foreach (var field in query.Dimensions.SelectMany(d => d.BySource.Values)) Expression(field);
            foreach (var where in query.Where?.Values ?? []) Expression(where);
            if (query.Top?.OrderByMetric is { } rankedBy) Expression(rankedBy);
        }

        private void Scores(ScoresBlockModel block)
        {
            var score = model.Scores[block.Score];
            Entity(score.Entity);
            foreach (var component in score.Components) Expression(component.Value);
            if (block.Where is { } where) Expression(where);
            if (block.Top?.OrderByMetric is { } rankedBy) Expression(rankedBy);
            foreach (var field in block.Show) Expression(field);
        }

        private void Scenario(ScenarioModel scenario)
        {
            foreach (var expression in new[] { scenario.Value, scenario.Churn, scenario.Cost, scenario.Customers }.OfType<BoundExpression>())
                Expression(expression);
        }

        /// <summary>Every source the expression reads, with an explicit stack: metric chains and nested expressions may be deep.</summary>
        public void Expression(BoundExpression root)
        {
            var pending = new Stack<BoundExpression>([root]);
            while (pending.TryPop(out var expression))
            {
                switch (expression)
                {
                    case BoundField field:
                        Source(field.Root);
                        foreach (var link in field.Links) Link(link);
                        Source(field.Field.Source);
                        break;
                    case BoundAggregate aggregate:
                        Read(aggregate);
                        break;
                    case BoundMetricReference reference when _metrics.Add(reference.Metric):
                        pending.Push(model.Metrics[reference.Metric].Expression);
                        break;
                }
                foreach (var child in Children(expression)) pending.Push(child);
            }
        }

        private void Read(BoundAggregate aggregate)
        {
            switch (aggregate.Function.Requires)
            {
                case SourceRequirement.Lifecycle: Entity(aggregate.Source); break;
                case SourceRequirement.Recurring: Revenue(aggregate.Source); break;
                default: Source(aggregate.Source); break;
            }
        }

        private static IEnumerable<BoundExpression> Children(BoundExpression expression) => expression switch
        {
            BoundBinary b => [b.Left, b.Right],
            BoundUnary u => [u.Operand],
            BoundIn i => [i.Value, .. i.Items],
            BoundBetween b => [b.Value, b.Low, b.High],
            BoundRowCall c => c.Arguments,
            BoundAggregate a => a.Filter is { } filter ? [.. a.Arguments, filter] : a.Arguments,
            BoundLtv l => new[] { l.Value, l.Churn, l.Margin, l.YearlyDiscount, l.Cost }.OfType<BoundExpression>(),
            _ => [],
        };

        private void Link(FieldModel link)
        {
            Source(link.Source);
            if (link.LinkTarget is { } target) Source(target);
        }

        /// <summary>A source, and the sources its derived fields read.</summary>
        private void Source(string name)
        {
            if (!model.Sources.TryGetValue(name, out var source) || !Sources.Add(name)) return;
            foreach (var derivation in source.Fields.Select(f => f.Derivation).OfType<BoundExpression>()) Expression(derivation);
        }

        /// <summary>An entity with a lifecycle: its own source, and the source its churn events come from.</summary>
        private void Entity(string name)
        {
            Source(name);
            if (model.Sources.GetValueOrDefault(name)?.Lifecycle is { } lifecycle)
                foreach (var end in new[] { lifecycle.End, lifecycle.EndLink }.OfType<FieldModel>()) Source(end.Source);
        }

        /// <summary>A source of recurring revenue: its rows, the entity they link to and the rows' condition.</summary>
        private void Revenue(string name)
        {
            Source(name);
            if (model.Sources.GetValueOrDefault(name)?.Recurring is not { } recurring) return;
            Link(recurring.Entity);
            if (recurring.Where is { } where) Expression(where);
        }
    }
}
