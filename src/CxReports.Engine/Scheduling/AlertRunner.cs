using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// Runs an alert for a check slot: evaluates it, works out what changed against the stored states
/// (<see cref="AlertTransitions"/>), and tells each <c>notify</c> target exactly once per (alert, slot, target), as
/// report deliveries are: every evaluation is a run in the run log, named <c>alert:NAME</c> (<see cref="RunName"/>;
/// a report's name cannot hold a colon, so the two never meet), and every attempt a delivery record keyed by alert, slot
/// and target. Transient failures are retried. The webhook is resent safely after a crash (its Idempotency-Key);
/// email, Slack and Teams are at-most-once (Slack and Teams have no idempotency header): a target recorded delivered is
/// never resent, and an attempt cut off mid-flight is in doubt rather than a second message in the channel.
/// </summary>
public sealed class AlertRunner(
    RunLog log,
    AlertStateStore states,
    Func<AlertModel, DateTimeOffset, AlertEvaluation> evaluate,
    IAlertMessageWriter messages,
    IReadOnlyList<IMessageChannel> channels,
    TimeProvider time,
    RetryPolicy? retry = null,
    IRunObserver? observer = null)
{
    private const string Prefix = "alert:";

    private readonly TargetDelivery _delivery = new(log, retry ?? new RetryPolicy(), time);
    private readonly RunGate _gate = new(log, time, observer);

    /// <summary>The name an alert's runs have in the run log: <c>alert:nps_drop</c>.</summary>
    public static string RunName(string alert) => Prefix + alert;

    /// <summary>The alert a run-log name belongs to, or null for a report's run.</summary>
    public static string? AlertOf(string run) => run.StartsWith(Prefix, StringComparison.Ordinal) ? run[Prefix.Length..] : null;

    /// <summary>Whether the channel cannot tell a repeat from a new message, so a cut-off attempt is never resent.</summary>
    public static bool AtMostOnce(string kind) => kind != "webhook";

    /// <summary>Evaluates and notifies; one run of an alert at a time (a second waits for the first).</summary>
    public Task<RunOutcome> RunAsync(AlertModel alert, DateTimeOffset slot, string trigger, CancellationToken cancellation) =>
        _gate.StartAsync(RunName(alert.Name), slot, trigger, runId => EvaluateAndNotifyAsync(runId, alert, slot, cancellation), cancellation);

    /// <summary>A manual run (<c>cxr alert check</c>): now, for the slot of this second (see <see cref="ReportRunner.RunNowAsync"/>).</summary>
    public Task<RunOutcome> RunNowAsync(AlertModel alert, CancellationToken cancellation) =>
        RunAsync(alert, ReportRunner.ManualSlot(time.GetUtcNow()), "manual", cancellation);

    /// <summary>
    /// The runs of <paramref name="alert"/> still marked running in the run log that no runner of this process is
    /// making: a run a stopped process left, one whose runner failed partway, or another process's check in flight
    /// (another machine's, on a shared PostgreSQL warehouse).
    /// </summary>
    public IReadOnlyList<RunRecord> Unfinished(string alert) => log.Unfinished(RunName(alert)).Where(r => !RunGate.IsActive(r.RunId)).ToArray();

    /// <summary>
    /// The runs of <paramref name="alert"/> a runner of this process is making now: inside a server, its scheduled
    /// check, which a command run there must not tell the same change again beside.
    /// </summary>
    public IReadOnlyList<RunRecord> InFlight(string alert) => log.Unfinished(RunName(alert)).Where(r => RunGate.IsActive(r.RunId)).ToArray();

    /// <summary>
    /// Finishes an alert run a stopped process left <c>running</c>, for the same slot and keys: at-most-once attempts
    /// cut off are in doubt, targets delivered are skipped, the rest notified. The states were not written yet (see
    /// <see cref="EvaluateAndNotifyAsync"/>), so the evaluation finds the same notices again. Null when the run is no
    /// longer running; without <paramref name="alert"/> (removed from the model) it ends as failed.
    /// </summary>
    public Task<RunOutcome?> ResumeAsync(RunRecord run, AlertModel? alert, CancellationToken cancellation) =>
        _gate.ResumeAsync(run, alert is null ? $"alert '{AlertOf(run.Report)}' is no longer in the model" : null,
            () => _delivery.MarkCutOff(run.RunId, AtMostOnce),
            () => EvaluateAndNotifyAsync(run.RunId, alert!, run.ScheduledFor, cancellation), cancellation);

    /// <summary>
    /// Evaluate, work out the notices against the stored states, record and send every notice, and only then write the
    /// new states. The order is what makes a notice survive a crash: the stored state is what says "already told". Were
    /// it written before the notices were sent, a process stopped in between would leave the segment firing with no one
    /// told, and the resumed run would find nothing to say: the notice lost. Written after, the resumed run (same slot,
    /// same keys) finds the same notices again, and the run log keeps each target to one message: delivered targets are
    /// skipped, cut-off email and chat messages are in doubt, the webhook is resent with the same Idempotency-Key.
    /// A crash after the states are written and before the run is finished resumes into no notices, and the run ends
    /// by the deliveries it recorded.
    /// </summary>
    private async Task<RunOutcome> EvaluateAndNotifyAsync(string runId, AlertModel alert, DateTimeOffset slot, CancellationToken cancellation)
    {
        AlertEvaluation evaluation;
        IReadOnlyList<AlertState> next;
        IReadOnlyList<AlertNotice> notices;
        try
        {
            evaluation = evaluate(alert, slot);
            (next, notices) = AlertTransitions.Apply(states.Of(alert.Name), evaluation, slot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.FinishRun(runId, time.GetUtcNow(), RunStatus.Failed, e.Message);
            return new RunOutcome(runId, RunStatus.Failed, log.DeliveriesOf(runId), e.Message);
        }

        if (notices.Count > 0)
            foreach (var target in alert.Targets)
            {
                var kind = target.Channel.ToString().ToLowerInvariant();
                var delivery = new DeliveryTarget(runId, RunName(alert.Name), slot, kind, target.Address, AtMostOnce(kind));
                await _delivery.SendOnceAsync(delivery, () =>
                {
                    var channel = channels.FirstOrDefault(c => c.Kind == kind) ?? throw new DeliveryException($"no {kind} channel is configured", transient: false);
                    var message = messages.Write(alert, evaluation, notices, target, delivery.Key);
                    return token => channel.SendAsync(message, token);
                }, cancellation);
            }
        states.Save(next);
        return _delivery.Finish(runId, RunStatus.Evaluated);
    }
}
