namespace CxReports.Engine.Alerts;

/// <summary>
/// An alert's state for one segment, as stored: whether it is firing and since when (the evaluation that started the
/// current state), when it was last judged, and the value then (null when undefined).
/// </summary>
public sealed record AlertState(string Alert, string Segment, bool Firing, DateTimeOffset Since, DateTimeOffset Evaluated, double? Value)
{
    /// <summary>The earlier period's value at the last judgement; null when undefined.</summary>
    public double? Previous { get; init; }

    /// <summary>The change at the last judgement, as the segment's <see cref="AlertSegment.Change"/>; null when undefined.</summary>
    public double? Change { get; init; }

    /// <summary>The significance test's p-value at the last judgement; null without <c>significance</c>.</summary>
    public double? PValue { get; init; }
}
