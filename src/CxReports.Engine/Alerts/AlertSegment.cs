using CxReports.Engine.Statistics;

namespace CxReports.Engine.Alerts;

/// <summary>
/// One segment's evaluation: its dimension values (<see cref="Key"/>, in the alert's order; empty without <c>by</c>),
/// the value of the period and of the earlier one, the change (later minus earlier; for a relative condition a share of
/// the earlier value, 0.1 for +10%), the guard metric's value (and the earlier period's, which a change also needs),
/// the significance test's result and the outcome.
/// Undefined values are null.
/// </summary>
public sealed record AlertSegment(
    IReadOnlyList<object?> Key,
    double? Value,
    double? Previous,
    double? Change,
    double? Guard,
    ChangeSignificance? Significance,
    AlertOutcome Outcome)
{
    /// <summary>The segment as shown and as stored: <c>channel=phone</c>, dimension names and values joined by <c>, </c>; empty for the whole.</summary>
    public string Name { get; init; } = "";

    /// <summary>The guard metric in the earlier period: a change is judged only when both periods have the minimum.</summary>
    public double? PreviousGuard { get; init; }
}
