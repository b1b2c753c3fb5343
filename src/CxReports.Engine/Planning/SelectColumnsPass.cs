using CxReports.Dsl.Model;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Engine.Results;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Engine.Planning;

/// <summary>
/// The result's columns: each dimension read from the frame and each metric cast to what it holds (whole counts
/// as integers, everything else as numbers), with the meaning documents show it by.
/// </summary>
public sealed class SelectColumnsPass : IQueryPass
{
    public void Run(QueryPlan plan)
    {
        var context = plan.Context;
        var fieldIndex = 0;
        foreach (var dimension in plan.Query.Dimensions)
        {
            if (dimension.Grain is not null)
            {
                plan.Select.Add(new SqlColumn("f.bucket", dimension.Name));
                plan.Columns.Add(new ResultColumn(dimension.Name, ColumnType.Date) { Grain = dimension.Grain });
            }
            else
            {
                plan.Select.Add(new SqlColumn($"f.d{fieldIndex++}", dimension.Name));
                var field = dimension.BySource.Values.First().Field;
                var type = TypeOf(field.Type);
                plan.Columns.Add(new ResultColumn(dimension.Name, type, Meaning.None with { Label = field.Label.For(context.Locale) })
                {
                    DeclaredOrder = type == ColumnType.Text ? BucketBands.Of(field.Derivation) ?? field.Choices?.Select(c => ValueKey.Of(c)!).ToArray() : null,
                    Labels = field.Labels?.ToDictionary(l => ValueKey.Of(l.Code)!, l => l.Label, StringComparer.Ordinal),
                });
            }
        }
        foreach (var (metric, sql) in plan.Query.Metrics.Zip(plan.MetricSql))
        {
            var integer = IsCount(context, metric.Expression, plan.Grain);
            plan.Select.Add(new SqlColumn(integer ? $"CAST({sql} AS BIGINT)" : $"CAST({sql} AS DOUBLE PRECISION)", metric.Name));
            plan.Columns.Add(new ResultColumn(metric.Name, integer ? ColumnType.Integer : ColumnType.Number, metric.Meaning)
            {
                MarginOf = metric.MarginOf,
                AsOf = AsOf(context, metric, plan.Grain),
            });
        }
    }

    /// <summary>The column type a field's values are read back as.</summary>
    internal static ColumnType TypeOf(ValueType type) => type switch
    {
        ValueType.Integer or ValueType.Decimal or ValueType.Number => ColumnType.Number,
        ValueType.Date or ValueType.Timestamp => ColumnType.Date,
        ValueType.Boolean => ColumnType.Boolean,
        _ => ColumnType.Text,
    };

    /// <summary>The day a snapshot of the whole period is taken at the end of (see <see cref="ResolvedPeriod.EffectiveEnd"/>).</summary>
    private static DateOnly? AsOf(PlanContext context, QueryMetric metric, TimeUnit? grain) => (metric.At, grain) switch
    {
        (Moment.End, null) => context.Period.EffectiveEnd(),
        (Moment.Start, null) when context.Period.From > DateOnly.MinValue => context.Period.From.AddDays(-1),
        _ => null,
    };

    /// <summary>
    /// Whether a metric column holds whole counts. A monthly count (<c>paying</c>) over a bucket other than a month
    /// is the mean of its months (4.5 paying accounts a month), not a count, so it stays a number.
    /// </summary>
    private static bool IsCount(PlanContext context, BoundExpression expression, TimeUnit? grain) => expression switch
    {
        BoundAggregate a => a.Function.ZeroWhenEmpty && a.Function.Unit == Unit.Count && !(a.Function.Monthly && grain != TimeUnit.Month),
        BoundMetricReference r => !context.Model.Metrics[r.Metric].PerMonth && IsCount(context, context.Model.Metrics[r.Metric].Expression, grain),
        _ => false,
    };
}
