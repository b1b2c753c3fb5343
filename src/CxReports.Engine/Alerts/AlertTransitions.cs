namespace CxReports.Engine.Alerts;

/// <summary>
/// State, not spam: a segment fires once when its condition starts to hold, stays quiet while it holds, and is back to
/// normal once it stops. A segment that was not judged this time (too few answers, a change that may be noise, no data)
/// keeps its state: nothing was learnt about it.
/// </summary>
public static class AlertTransitions
{
    /// <summary>The states after <paramref name="evaluation"/> (every judged segment's, the unchanged ones included) and the notices it causes.</summary>
    public static (IReadOnlyList<AlertState> States, IReadOnlyList<AlertNotice> Notices) Apply(
        IReadOnlyDictionary<string, AlertState> current, AlertEvaluation evaluation, DateTimeOffset at)
    {
        var states = new List<AlertState>();
        var notices = new List<AlertNotice>();
        foreach (var segment in evaluation.Segments)
        {
            var firing = segment.Outcome switch
            {
                AlertOutcome.Fired => true,
                AlertOutcome.Quiet => false,
                _ => (bool?)null,
            };
            if (firing is not { } now) continue;
            var before = current.GetValueOrDefault(segment.Name);
            var was = before?.Firing ?? false;
            if (now != was)
                notices.Add(new AlertNotice(evaluation.Alert, now ? AlertNoticeKind.Fired : AlertNoticeKind.BackToNormal, segment));
            var since = before is not null && now == was ? before.Since : at;
            states.Add(new AlertState(evaluation.Alert, segment.Name, now, since, at, segment.Value)
            {
                Previous = segment.Previous,
                Change = segment.Change,
                PValue = segment.Significance?.PValue,
            });
        }
        return (states, notices);
    }
}
