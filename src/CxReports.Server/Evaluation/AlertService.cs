using CxReports.Engine.Alerts;
using CxReports.Server.Problems;
using CxReports.Server.Requests;
using CxReports.Server.Serving;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Alerts as the HTTP API and the alerts page show them: every alert of the serving model with each segment's state
/// from the warehouse's state table (written by the alert checks; read here, never changed).
/// </summary>
public sealed class AlertService(ServingStore store, WarehouseGate warehouse, TimeProvider time)
{
    private volatile bool _tableReady;

    /// <summary>Every alert in name order.</summary>
    public IReadOnlyList<AlertSummary> List()
    {
        var model = store.State.Model;
        var states = States().All();
        var now = time.GetUtcNow();
        return model.Alerts.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => AlertSummary.Of(a, states, now)).ToArray();
    }

    /// <summary>One alert; a malformed name is a 400, an unknown one a 404 with the closest name.</summary>
    public Outcome<AlertSummary> Find(string name)
    {
        if (RequestReader.CheckName(name, "an alert") is { } bad) return bad;
        var alerts = store.State.Model.Alerts;
        if (!alerts.TryGetValue(name, out var alert)) return ServerProblem.Unknown("alert", name, alerts.Keys);
        return AlertSummary.Of(alert, States().Of(name).Values, time.GetUtcNow());
    }

    /// <summary>The state table, created on first use: a server whose alerts were never checked has none yet.</summary>
    private AlertStateStore States()
    {
        var states = new AlertStateStore(warehouse);
        if (_tableReady) return states;
        states.EnsureCreated();
        _tableReady = true;
        return states;
    }
}
