using CxReports.Dsl.Text;

namespace CxReports.Dsl.Model;

/// <summary>
/// A bound alert: <see cref="Query"/> is the watched metric (its first column) and, with a <see cref="Minimum"/>, the
/// guard metric (its second column) by the alert's dimensions; each value of the dimensions is a segment judged on its
/// own. Periods are whole units of <see cref="Grain"/> in <see cref="TimeZone"/>: the last complete one, and for a
/// change the one it is compared with.
/// </summary>
public sealed record AlertModel(
    string Name,
    string Label,
    BoundQuery Query,
    AlertCondition Condition,
    MinimumSample? Minimum,
    SignificanceRule? Significance,
    TimeUnit Grain,
    TimeZoneInfo TimeZone,
    ScheduleModel? Check,
    IReadOnlyList<AlertTargetModel> Targets,
    SourceSpan Span)
{
    /// <summary>The watched metric's column.</summary>
    public QueryMetric Metric => Query.Metrics[0];

    /// <summary>The most targets one alert may notify: each is a request or an email on every change of state.</summary>
    public const int MaxTargets = 20;
}

/// <summary>When an alert fires for a segment.</summary>
public abstract record AlertCondition;

/// <summary>
/// The value moved against <see cref="Against"/> by at least <see cref="Amount"/>: in the metric's own unit (points),
/// or, when <see cref="Relative"/>, as a share of the earlier value (0.1 for 10%).
/// </summary>
public sealed record ChangeCondition(ChangeDirection Direction, decimal Amount, bool Relative, Baseline Against) : AlertCondition;

/// <summary>Which way a change must go to fire.</summary>
public enum ChangeDirection { Drops, Rises, Changes }

/// <summary>The value compared with a fixed line: <c>&gt; 3</c> fires when the value is above 3.</summary>
public sealed record ThresholdCondition(BinaryOperator Operator, decimal Value) : AlertCondition;

/// <summary><c>min METRIC N</c>: a segment whose guard metric (the query's second column) is below <see cref="Count"/> is not judged.</summary>
public sealed record MinimumSample(string Metric, long Count);

/// <summary>
/// <c>significance 95%</c>: <see cref="Level"/> is 0.95; <see cref="Test"/> is the test the watched metric's function calls
/// for, and <see cref="Sample"/> that aggregate (the watched metric with its references followed), whose answers the test counts.
/// </summary>
public sealed record SignificanceRule(decimal Level, SignificanceTest Test, BoundAggregate Sample)
{
    /// <summary>The largest p-value of a change that counts as significant (0.05 at 95%).</summary>
    public decimal Alpha => 1m - Level;
}

/// <summary>Where an alert is told: a channel and its address (an email address or an https URL).</summary>
public sealed record AlertTargetModel(AlertChannel Channel, string Address, SourceSpan Span);

/// <summary>The channels an alert can notify: email and the signed webhook as deliveries, Slack and Teams as webhook payload formats.</summary>
public enum AlertChannel { Email, Webhook, Slack, Teams }
