using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Alerts;

/// <summary>
/// Evaluates an alert: its query (the watched metric, the guard, and the counts its significance test needs, by the
/// alert's dimensions) runs through the query planner for the last complete unit of its grain in its zone and for the
/// period it is compared with; each segment is then judged: no data, below the minimum, condition not met, met but not
/// significant, or fired.
/// </summary>
public sealed class AlertEvaluator(SemanticModel model, IWarehouse warehouse, EvaluationLimits limits, TimeSpan timeout)
{
    /// <summary>Evaluates <paramref name="alert"/> as of <paramref name="now"/> (the last complete unit before it, in the alert's zone).</summary>
    public AlertEvaluation Evaluate(AlertModel alert, DateTimeOffset now) =>
        Evaluate(alert, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, alert.TimeZone).DateTime));

    /// <summary>Evaluates <paramref name="alert"/> as on <paramref name="today"/>, a day in the alert's zone.</summary>
    public AlertEvaluation Evaluate(AlertModel alert, DateOnly today)
    {
        var period = ResolvedPeriod.Resolve(new RelativePeriodModel(PeriodAnchor.Previous, 1, alert.Grain), today);
        var earlier = alert.Condition is ChangeCondition { Against: Baseline.Year } ? period.PreviousYear(today) : period.Previous(today);
        var query = alert.Significance is { } rule
            ? alert.Query with { Metrics = [.. alert.Query.Metrics, .. SampleColumns.For(rule)] }
            : alert.Query;
        var later = Rows(query, period, alert.TimeZone);
        var before = earlier is null ? new Dictionary<string, (ResultTable, object?[])>() : Rows(query, earlier, alert.TimeZone);
        var segments = later.Select(r => Judge(alert, r.Key, r.Value, before.TryGetValue(r.Key, out var b) ? b : null))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        return new AlertEvaluation(alert.Name, period, earlier, segments);
    }

    /// <summary>The rows of one period by segment name.</summary>
    private Dictionary<string, (ResultTable Table, object?[] Row)> Rows(BoundQuery query, ResolvedPeriod period, TimeZoneInfo zone)
    {
        var table = AdHocQuery.Run(model, warehouse, query, period, zone.Id, null, limits, timeout);
        var rows = new Dictionary<string, (ResultTable, object?[])>(StringComparer.Ordinal);
        foreach (var row in table.Rows) rows[SegmentName(query, row)] = (table, row);
        return rows;
    }

    private static string SegmentName(BoundQuery query, object?[] row) =>
        string.Join(", ", query.Dimensions.Select((d, i) => $"{d.Name}={Show(row[i])}"));

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static AlertSegment Judge(AlertModel alert, string name, (ResultTable Table, object?[] Row) later, (ResultTable Table, object?[] Row)? earlier)
    {
        var dimensions = alert.Query.Dimensions.Count;
        var key = later.Row.Take(dimensions).ToArray();
        double? Read((ResultTable Table, object?[] Row)? at, string column) =>
            at is { } r && r.Table.IndexOf(column) is var i and >= 0 ? SampleColumns.Number(r.Row[i]) : null;

        var value = Read(later, alert.Metric.Name);
        var previous = Read(earlier, alert.Metric.Name);
        var guard = alert.Minimum is { } minimum ? Read(later, minimum.Metric) : null;
        var previousGuard = alert.Minimum is { } least && alert.Condition is ChangeCondition ? Read(earlier, least.Metric) : null;
        var change = (value, previous, alert.Condition) switch
        {
            (null, _, _) or (_, null, _) => (double?)null,
            (_, _, ChangeCondition { Relative: true }) when previous == 0 => null,
            (_, _, ChangeCondition { Relative: true }) => (value - previous) / Math.Abs(previous!.Value),
            _ => value - previous,
        };
        var segment = new AlertSegment(key, value, previous, change, guard, null, AlertOutcome.NoData) { Name = name, PreviousGuard = previousGuard };

        var isChange = alert.Condition is ChangeCondition;
        if (value is null || (isChange && change is null)) return segment;
        if (alert.Minimum is { } min && (guard is null || guard < min.Count || (isChange && (previousGuard ?? 0) < min.Count)))
            return segment with { Outcome = AlertOutcome.SuppressedByMinimum };
        if (!Holds(alert.Condition, value.Value, change)) return segment with { Outcome = AlertOutcome.Quiet };
        if (alert.Significance is not { } rule) return segment with { Outcome = AlertOutcome.Fired };

        var test = SampleColumns.Test(rule,
            earlier is { } e ? SampleColumns.Read(rule, e.Table, e.Row, previous) : null,
            SampleColumns.Read(rule, later.Table, later.Row, value));
        return segment with
        {
            Significance = test,
            Outcome = test is { IsSignificant: true } ? AlertOutcome.Fired : AlertOutcome.SuppressedBySignificance,
        };
    }

    /// <summary>
    /// How far a computed value may sit from the written line and still be on it: values come back as doubles (an NPS of
    /// 100·3/7), so a drop of exactly 5 points may arrive as 4.999999999.
    /// </summary>
    private const double Rounding = 1e-9;

    private static bool Holds(AlertCondition condition, double value, double? change) => condition switch
    {
        ThresholdCondition t => t.Operator switch
        {
            BinaryOperator.Greater => value > (double)t.Value + Rounding,
            BinaryOperator.GreaterOrEqual => value >= (double)t.Value - Rounding,
            BinaryOperator.Less => value < (double)t.Value - Rounding,
            BinaryOperator.LessOrEqual => value <= (double)t.Value + Rounding,
            _ => throw new ArgumentOutOfRangeException(nameof(condition), t.Operator, "the binder reads only > >= < <="),
        },
        ChangeCondition c => c.Direction switch
        {
            ChangeDirection.Drops => -change!.Value >= (double)c.Amount - Rounding,
            ChangeDirection.Rises => change!.Value >= (double)c.Amount - Rounding,
            _ => Math.Abs(change!.Value) >= (double)c.Amount - Rounding,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "unknown condition"),
    };
}
