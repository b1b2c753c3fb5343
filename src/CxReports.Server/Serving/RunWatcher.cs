using CxReports.Engine.Scheduling;
using CxReports.Server.Monitoring;

namespace CxReports.Server.Serving;

/// <summary>
/// Logs and counts the server's runs: everything logged while a run works (its start, its end, each delivery, the
/// channels' own lines) carries the run id and report in a log scope, and each ended run and delivery target is counted
/// by outcome. Targets are logged as the run log keeps them (a webhook URL's credentials never appear).
/// </summary>
public sealed class RunWatcher(CxrMetrics metrics, ILogger log) : IRunObserver
{
    public IDisposable? Starting(string runId, string report, string trigger)
    {
        var scope = log.BeginScope(new LogScope(("RunId", runId), ("Report", report)));
        log.LogInformation("run {RunId} of {Report} started ({Trigger})", runId, report, trigger);
        return scope;
    }

    public void Finished(string report, RunOutcome outcome)
    {
        var finals = outcome.Deliveries.GroupBy(d => d.IdempotencyKey).Select(g => g.Last()).ToArray();
        foreach (var delivery in finals)
        {
            var status = delivery.Status.ToText();
            metrics.Delivery(delivery.Kind, status);
            if (delivery.Status is DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered)
                log.LogInformation("run {RunId}: {Channel} {Target} {Outcome} (attempt {Attempt})", outcome.RunId, delivery.Kind, delivery.Target, status, delivery.Attempt);
            else
                log.LogWarning("run {RunId}: {Channel} {Target} {Outcome} (attempt {Attempt}): {Error}", outcome.RunId, delivery.Kind, delivery.Target, status,
                    delivery.Attempt, delivery.Error);
        }
        var ended = outcome.Status.ToText();
        metrics.Run(report, ended);
        if (outcome.Error is null)
            log.LogInformation("run {RunId} of {Report} ended: {Outcome}", outcome.RunId, report, ended);
        else
            log.LogWarning("run {RunId} of {Report} ended: {Outcome} ({Error})", outcome.RunId, report, ended, outcome.Error);
    }
}
