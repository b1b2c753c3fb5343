namespace CxReports.Rendering.Pdf.Formatting;

/// <summary>
/// Whether a rise in a metric is good news, for the colour of a KPI change. The model does not declare it yet, so
/// names decide: churn, costs, times, tickets, detractors and margins of error are better when lower.
/// </summary>
public static class MetricDirection
{
    private static readonly string[] LowerIsBetter =
    [
        "churn", "cost", "cancel", "detractor", "ticket", "complaint", "response_time", "first_response", "resolution", "wait",
        "lost", "refund", "backlog", "escalation", "effort",
    ];

    public static bool HigherIsBetter(string metric)
    {
        var name = metric.ToLowerInvariant();
        if (name.EndsWith("_h") || name.EndsWith("_hours") || name.EndsWith("_days") || name.EndsWith("_margin")) return false;
        return !LowerIsBetter.Any(name.Contains);
    }
}
