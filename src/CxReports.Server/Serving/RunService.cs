using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;
using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Server.Delivery;
using CxReports.Rendering.Alerts;
using CxReports.Server.Monitoring;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Serving;

/// <summary>
/// Runs and delivers reports for the server: the scheduler's runs and run-now share one runner, so one run of a
/// report happens at a time and every attempt lands in the same run log; alerts are run and notified beside them. The warehouse is used in turns.
/// </summary>
public sealed class RunService
{
    private readonly ServingStore _store;
    private readonly WarehouseGate _gate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly Engine.Execution.EvaluationLimits _limits;
    private readonly CxrMetrics _metrics;

    public RunService(ServingStore store, WarehouseGate gate, IOptions<CxrServerOptions> options, DeliveryOptions delivery,
        IHttpClientFactory http, CxrMetrics metrics, ILogger<RunService> log, TimeProvider time)
    {
        _store = store;
        _gate = gate;
        _time = time;
        _timeout = TimeSpan.FromSeconds(options.Value.QueryTimeoutSeconds);
        _limits = options.Value.EvaluationLimits;
        _metrics = metrics;
        Log = new RunLog(gate);
        Runner = new ReportRunner(Log, Evaluate, DeliveryFormats.All, DeliveryChannels.All(delivery, http.CreateClient("webhooks"), time), time,
            observer: new RunWatcher(metrics, log));
        States = new AlertStateStore(gate);
        Alerts = new AlertRunner(Log, States, Evaluate, new AlertMessageWriter(delivery.PublicUrl), DeliveryChannels.Messages(delivery, http.CreateClient("webhooks"), time), time,
            observer: new RunWatcher(metrics, log));
    }

    public RunLog Log { get; }
    public ReportRunner Runner { get; }

    /// <summary>The alerts' states, written by <see cref="Alerts"/>.</summary>
    public AlertStateStore States { get; }

    /// <summary>Runs alerts on their <c>check</c> schedule: evaluates and notifies, in the same run log as reports.</summary>
    public AlertRunner Alerts { get; }

    public Scheduler Scheduler() => new(() => _gate.IsOpen ? _store.Current?.Model : null, Log, Runner, _time, Alerts);

    /// <summary>A run for a slot evaluates the report as of that slot, so a late run still reports on its own period.</summary>
    private EvaluatedReport Evaluate(ReportModel report, DateTimeOffset slot)
    {
        var model = _store.State.Model;
        // Completes synchronously: the scheduler's runner evaluates on its own thread, in its turn at the warehouse.
        return _metrics.Evaluation("run", report.Name, () => Task.FromResult(_gate.Use(warehouse =>
            new ReportEvaluator(model, warehouse, new SlotTime(slot), _timeout, _limits).Evaluate(report, new ReportRequest())))).GetAwaiter().GetResult();
    }

    /// <summary>An alert's run for a check slot evaluates it as of that slot: the last complete period before it.</summary>
    private AlertEvaluation Evaluate(AlertModel alert, DateTimeOffset slot)
    {
        var model = _store.State.Model;
        return _gate.Use(warehouse => new AlertEvaluator(model, warehouse, _limits, _timeout).Evaluate(alert, slot));
    }

    /// <summary>Time fixed at the slot, for the report's relative period.</summary>
    private sealed class SlotTime(DateTimeOffset slot) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => slot;
    }
}
