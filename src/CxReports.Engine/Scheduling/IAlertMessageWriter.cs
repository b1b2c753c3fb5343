using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;

namespace CxReports.Engine.Scheduling;

/// <summary>Writes what one target of an alert receives about the notices of one evaluation (the layouts live in <c>Rendering/Alerts</c>).</summary>
public interface IAlertMessageWriter
{
    OutgoingMessage Write(AlertModel alert, AlertEvaluation evaluation, IReadOnlyList<AlertNotice> notices, AlertTargetModel target, string idempotencyKey);
}
