using CxReports.Dsl.Syntax.Tree;
using static CxReports.Dsl.Formatting.ExpressionPrinter;

namespace CxReports.Dsl.Formatting;

/// <summary>
/// The lines of an alert in <c>cxr fmt</c>'s canonical form: a change's amount without the optional <c>by</c>, in points
/// as <c>5 points</c>, and its baseline as written (none written: the previous period).
/// </summary>
internal static class AlertLine
{
    public static string Line(AlertMember member) => member switch
    {
        AlertWhen w => $"when {Print(w.Metric)}{(w.Dimensions.Length > 0 ? " by " + string.Join(", ", w.Dimensions.Select(d => d.Text)) : "")} {Test(w.Test)}",
        AlertMinimum m => $"min {Print(m.Metric)} {Print(m.Count)}",
        AlertSignificance s => $"significance {Print(s.Level)}",
        AlertGrain g => $"grain {g.Unit.Text}",
        AlertCheck c => $"check {Quote(c.Cron.Value)}{(c.TimeZone is { } z ? " timezone " + Quote(z.Value) : "")}",
        AlertNotify n => "notify " + string.Join(", ", n.Targets.Select(t => $"{t.Channel.Text} {Quote(t.Address.Value)}")),
        _ => throw new ArgumentOutOfRangeException(nameof(member), member.GetType().Name, "not an alert line"),
    };

    private static string Test(AlertTest test) => test switch
    {
        ChangeTest c => $"{c.Direction.Text} {Amount(c.Amount)}{(c.Baseline is { } b ? " vs previous " + b.Text : "")}",
        ThresholdTest t => $"{Symbol(t.Operator)} {Print(t.Value)}",
        _ => throw new ArgumentOutOfRangeException(nameof(test), test.GetType().Name, "not an alert test"),
    };

    private static string Amount(Expression amount) => amount is PercentLiteral ? Print(amount) : $"{Print(amount)} points";
}
