using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Engine.Scheduling;
using CxReports.Server.Delivery;
using CxReports.Server.Monitoring;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Serving;

/// <summary>
/// Runs and delivers reports for the server: the scheduler's runs and run-now share one runner, so one run of a
/// report happens at a time and every attempt lands in the same run log. The warehouse is used in turns.
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
    }

    public RunLog Log { get; }
    public ReportRunner Runner { get; }

    public Scheduler Scheduler() => new(() => _gate.IsOpen ? _store.Current?.Model : null, Log, Runner, _time);

    /// <summary>A run for a slot evaluates the report as of that slot, so a late run still reports on its own period.</summary>
    private EvaluatedReport Evaluate(ReportModel report, DateTimeOffset slot)
    {
        var model = _store.State.Model;
        // Completes synchronously: the scheduler's runner evaluates on its own thread, in its turn at the warehouse.
        return _metrics.Evaluation("run", report.Name, () => Task.FromResult(_gate.Use(warehouse =>
            new ReportEvaluator(model, warehouse, new SlotTime(slot), _timeout, _limits).Evaluate(report, new ReportRequest())))).GetAwaiter().GetResult();
    }

    /// <summary>Time fixed at the slot, for the report's relative period.</summary>
    private sealed class SlotTime(DateTimeOffset slot) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => slot;
    }
}
