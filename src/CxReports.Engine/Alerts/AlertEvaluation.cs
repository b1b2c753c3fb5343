using CxReports.Engine.Planning;

namespace CxReports.Engine.Alerts;

/// <summary>An alert evaluated: the period judged, the period it was compared with, and every segment's outcome.</summary>
public sealed record AlertEvaluation(string Alert, ResolvedPeriod Period, ResolvedPeriod? Earlier, IReadOnlyList<AlertSegment> Segments)
{
    public IEnumerable<AlertSegment> Fired => Segments.Where(s => s.Outcome == AlertOutcome.Fired);
}
