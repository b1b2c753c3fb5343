using System.Globalization;
using CxReports.Dsl.Model;

namespace CxReports.Server.Evaluation;

/// <summary>
/// An alert's condition said in words, as a reader of the alerts page or the API takes it in at a glance:
/// <c>nps by channel drops by 5 points or more vs the previous month</c>, <c>churn above 2.5%</c>.
/// </summary>
public static class AlertConditionWords
{
    public static string Of(AlertModel alert)
    {
        var subject = alert.Metric.Name + (alert.Query.Dimensions.Count == 0 ? "" : " by " + string.Join(", ", alert.Query.Dimensions.Select(d => d.Name)));
        var grain = alert.Grain.ToString().ToLowerInvariant();
        return alert.Condition switch
        {
            ChangeCondition c => $"{subject} {Verb(c.Direction)} by {Amount(c)} or more{(c.Direction == ChangeDirection.Changes ? " either way" : "")} vs "
                                 + (c.Against == Baseline.Year ? $"the same {grain} a year earlier" : $"the previous {grain}"),
            ThresholdCondition t => $"{subject} {Comparison(t.Operator)} {Number(t.Value)}{(alert.Metric.Unit == Unit.Percent ? "%" : "")} in the last {grain}",
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.Condition.GetType().Name, "unknown condition"),
        };
    }

    /// <summary>The test's name as the API gives it.</summary>
    public static string Test(SignificanceTest test) => test switch
    {
        SignificanceTest.NetPromoter => "nps",
        SignificanceTest.Proportion => "two-proportion",
        _ => "welch",
    };

    private static string Verb(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Drops => "drops",
        ChangeDirection.Rises => "rises",
        _ => "changes",
    };

    private static string Amount(ChangeCondition change) =>
        change.Relative ? Number(change.Amount * 100) + "%" : Number(change.Amount) + (change.Amount == 1 ? " point" : " points");

    private static string Comparison(BinaryOperator op) => op switch
    {
        BinaryOperator.Greater => "above",
        BinaryOperator.GreaterOrEqual => "at or above",
        BinaryOperator.Less => "below",
        _ => "at or below",
    };

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
