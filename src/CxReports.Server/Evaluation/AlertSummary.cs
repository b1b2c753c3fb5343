using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;
using CxReports.Engine.Scheduling;

namespace CxReports.Server.Evaluation;

/// <summary>
/// An alert as <c>GET /api/alerts</c> shows it: what it watches and when it fires (<see cref="Condition"/> in words), its
/// guards, when it is next checked (in its zone), whom it tells (targets redacted), and each segment's stored state.
/// <see cref="RelativeChange"/> says a segment's change is a share of the earlier value (0.1 for +10%), not points.
/// </summary>
public sealed record AlertSummary(
    string Name,
    string Label,
    string Metric,
    IReadOnlyList<string> Dimensions,
    string Condition,
    bool RelativeChange,
    string Grain,
    AlertMinimumSummary? Minimum,
    AlertSignificanceSummary? Significance,
    AlertCheckSummary? Check,
    IReadOnlyList<AlertChannelSummary> Channels,
    IReadOnlyList<AlertSegmentSummary> Segments)
{
    /// <summary>The summary of <paramref name="alert"/> with its stored states (other alerts' states are ignored), as of <paramref name="now"/>.</summary>
    public static AlertSummary Of(AlertModel alert, IEnumerable<AlertState> states, DateTimeOffset now)
    {
        var dimensions = alert.Query.Dimensions.Select(d => d.Name).ToArray();
        return new AlertSummary(
            alert.Name,
            alert.Label,
            alert.Metric.Name,
            dimensions,
            AlertConditionWords.Of(alert),
            alert.Condition is ChangeCondition { Relative: true },
            alert.Grain.ToString().ToLowerInvariant(),
            alert.Minimum is { } minimum ? new AlertMinimumSummary(minimum.Metric, minimum.Count) : null,
            alert.Significance is { } rule ? new AlertSignificanceSummary((double)rule.Level, AlertConditionWords.Test(rule.Test)) : null,
            alert.Check is { } check ? new AlertCheckSummary(check.Cron, check.TimeZone.Id, check.Slots.GetNextOccurrence(now, check.TimeZone)) : null,
            alert.Targets.Select(t => new AlertChannelSummary(t.Channel.ToString().ToLowerInvariant(), RedactedTarget.Of(t.Address))).ToArray(),
            states.Where(s => s.Alert == alert.Name).OrderBy(s => s.Segment, StringComparer.Ordinal)
                .Select(s => AlertSegmentSummary.Of(s, dimensions)).ToArray());
    }
}

/// <summary><c>min METRIC N</c>: segments where the metric is below <see cref="Count"/> are not judged.</summary>
public sealed record AlertMinimumSummary(string Metric, long Count);

/// <summary><c>significance</c>: the confidence level (0.95) and the test (<c>nps</c>, <c>two-proportion</c>, <c>welch</c>).</summary>
public sealed record AlertSignificanceSummary(double Level, string Test);

/// <summary>When the alert is evaluated: its cron, its zone, and the next check as a moment in that zone.</summary>
public sealed record AlertCheckSummary(string Cron, string TimeZone, DateTimeOffset? NextCheck);

/// <summary>A target: its channel (slack, teams, email, webhook) and its address with credentials masked.</summary>
public sealed record AlertChannelSummary(string Kind, string Target);

/// <summary>
/// A segment's state as stored: its dimension values, <c>firing</c> or <c>normal</c> since when, when it was last judged,
/// and that judgement's value, previous value, change and p-value (null where undefined).
/// </summary>
public sealed record AlertSegmentSummary(
    string Segment,
    IReadOnlyDictionary<string, string?> Values,
    string State,
    DateTimeOffset Since,
    DateTimeOffset Evaluated,
    double? Value,
    double? Previous,
    double? Change,
    double? PValue)
{
    public const string Firing = "firing";
    public const string Normal = "normal";

    public static AlertSegmentSummary Of(AlertState state, IReadOnlyList<string> dimensions) => new(
        state.Segment, SegmentValues(state.Segment, dimensions), state.Firing ? Firing : Normal, state.Since, state.Evaluated,
        state.Value, state.Previous, state.Change, state.PValue);

    /// <summary>
    /// The values of a stored segment name (<c>channel=phone, plan=pro</c>, as the evaluator writes it), read by the
    /// alert's dimension names in order, so a value holding <c>, </c> or <c>=</c> stays whole; <c>(none)</c> is null.
    /// </summary>
    private static Dictionary<string, string?> SegmentValues(string segment, IReadOnlyList<string> dimensions)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var at = 0;
        for (var i = 0; i < dimensions.Count; i++)
        {
            var start = dimensions[i] + "=";
            if (string.CompareOrdinal(segment, at, start, 0, start.Length) != 0) return values; // stored by an alert since changed
            at += start.Length;
            var end = i + 1 < dimensions.Count ? segment.IndexOf(", " + dimensions[i + 1] + "=", at, StringComparison.Ordinal) : segment.Length;
            if (end < 0) return values;
            var value = segment[at..end];
            values[dimensions[i]] = value == "(none)" ? null : value;
            at = end + 2;
        }
        return values;
    }
}
