namespace CxReports.Engine.Scheduling;

/// <summary>
/// Delivers one target of a run at most once per idempotency key, recording every attempt in the run log: a target
/// already delivered for the slot is skipped (in this run) or recorded as already delivered (by an earlier run); an
/// at-most-once channel whose last attempt was cut off is in doubt, never resent; transient failures are retried with
/// the <see cref="RetryPolicy"/>. Shared by the report and alert runners, so both keep the same promise.
/// </summary>
public sealed class TargetDelivery(RunLog log, RetryPolicy retry, TimeProvider time)
{
    private const string CutOff = "the attempt was cut off before its outcome was recorded (the process stopped); not resent, so the recipient never gets it twice";

    /// <summary>
    /// Delivers <paramref name="target"/>: <paramref name="prepare"/> makes what is sent (throwing a
    /// <see cref="DeliveryException"/> fails the target before any attempt) and returns the send, retried while transient.
    /// </summary>
    public async Task SendOnceAsync(DeliveryTarget target, Func<Func<CancellationToken, Task>> prepare, CancellationToken cancellation)
    {
        var key = target.Key;
        // The run log keeps the target as it may be shown: a webhook URL's credentials never reach it.
        var shown = RedactedTarget.Of(target.Target);
        void Record(int attempt, DeliveryStatus status, string? error) => log.RecordDelivery(new DeliveryRecord(target.RunId, target.Run, target.Slot,
            target.Kind, shown, attempt, status, error?.Replace(target.Target, shown), time.GetUtcNow(), key));

        var last = log.LastAttempt(key);
        switch (last?.Status)
        {
            case DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered when last.RunId == target.RunId:
                return;
            case DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered:
                Record(0, DeliveryStatus.AlreadyDelivered, null);
                return;
            case DeliveryStatus.InDoubt or DeliveryStatus.Failed when last.RunId == target.RunId:
                return;
            case DeliveryStatus.Sending or DeliveryStatus.InDoubt when target.AtMostOnce:
                Record(0, DeliveryStatus.InDoubt,
                    $"an earlier attempt was interrupted before its outcome was recorded; not resent to avoid a duplicate {(target.Kind == "email" ? "email" : "message")}");
                return;
        }

        Func<CancellationToken, Task> send;
        try
        {
            send = prepare();
        }
        catch (DeliveryException e)
        {
            Record(0, DeliveryStatus.Failed, e.Message);
            return;
        }

        // A resumed run numbers on from the attempt the stopped process made, and has its own retries.
        var attempt = last?.RunId == target.RunId ? last.Attempt : 0;
        var retries = retry.Pipeline(time, (e, _) => Record(attempt, DeliveryStatus.Retrying, e.Message));
        try
        {
            await retries.ExecuteAsync(async token =>
            {
                Record(++attempt, DeliveryStatus.Sending, null);
                await send(token);
            }, cancellation);
            Record(attempt, DeliveryStatus.Delivered, null);
        }
        catch (DeliveryException e)
        {
            Record(attempt, DeliveryStatus.Failed, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unexpected failure is recorded, not retried: nothing says a retry would not duplicate it.
            Record(attempt, DeliveryStatus.Failed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Before a stopped run is resumed: each at-most-once attempt it left <c>sending</c> (per <paramref name="atMostOnce"/>,
    /// by kind) is recorded in doubt, so the resumed run does not send it again.
    /// </summary>
    public void MarkCutOff(string runId, Func<string, bool> atMostOnce)
    {
        foreach (var cutOff in log.DeliveriesOf(runId).GroupBy(d => d.IdempotencyKey).Select(g => g.Last())
                     .Where(d => d.Status == DeliveryStatus.Sending && atMostOnce(d.Kind)))
            log.RecordDelivery(cutOff with { Attempt = 0, Status = DeliveryStatus.InDoubt, Error = CutOff, At = time.GetUtcNow() });
    }

    /// <summary>
    /// Ends the run by what its targets' last records say: delivered (everywhere, now or earlier), partial, or failed;
    /// <paramref name="nothingSent"/> when the run had no target to deliver.
    /// </summary>
    public RunOutcome Finish(string runId, RunStatus nothingSent)
    {
        var records = log.DeliveriesOf(runId);
        var finals = records.GroupBy(r => r.IdempotencyKey).Select(g => g.Last()).ToArray();
        var undelivered = finals.Where(r => r.Status is not (DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered)).ToArray();
        var status = finals.Length == 0 ? nothingSent
            : undelivered.Length == 0 ? RunStatus.Delivered
            : undelivered.Length < finals.Length ? RunStatus.Partial : RunStatus.Failed;
        var error = undelivered.Length == 0
            ? null
            : "not delivered: " + string.Join("; ", undelivered.Select(r => $"{r.Kind} {r.Target} {r.Status.ToText()}"));
        log.FinishRun(runId, time.GetUtcNow(), status, error);
        return new RunOutcome(runId, status, records, error);
    }
}
