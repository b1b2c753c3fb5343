namespace CxReports.Engine.Alerts;

/// <summary>What to tell an alert's targets about a segment: it started to fire, or it is back to normal.</summary>
public sealed record AlertNotice(string Alert, AlertNoticeKind Kind, AlertSegment Segment);

/// <summary>The two changes of state worth a message.</summary>
public enum AlertNoticeKind { Fired, BackToNormal }
