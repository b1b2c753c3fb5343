namespace CxReports.Engine.Alerts;

/// <summary>
/// An alert's state for one segment, as stored: whether it is firing and since when (the evaluation that started the
/// current state), when it was last judged, and the value then (null when undefined).
/// </summary>
public sealed record AlertState(string Alert, string Segment, bool Firing, DateTimeOffset Since, DateTimeOffset Evaluated, double? Value);
