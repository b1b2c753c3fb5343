namespace CxReports.Engine.Scheduling;

/// <summary>
/// One target of one run's slot: <paramref name="Run"/> names what ran (a report, or <c>alert:NAME</c>), and with the
/// slot, kind and target makes the idempotency key, so the same delivery is recognised in any run and after a restart.
/// <paramref name="AtMostOnce"/> channels cannot tell a repeat from a new message (email, Slack, Teams): an attempt cut
/// off before its outcome was recorded is in doubt, never resent.
/// </summary>
public sealed record DeliveryTarget(string RunId, string Run, DateTimeOffset Slot, string Kind, string Target, bool AtMostOnce)
{
    public string Key => DeliveryNames.IdempotencyKey(Run, Slot, Kind, Target);
}
