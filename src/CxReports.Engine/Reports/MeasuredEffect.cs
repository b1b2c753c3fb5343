using CxReports.Dsl.Model;
using CxReports.Engine.Results;

namespace CxReports.Engine.Reports;

/// <summary>
/// What the scenario's inputs were in the report period and in its baseline (<c>period</c>: the previous period;
/// <c>year</c>: the same period a year earlier): churn %
/// a month in each, the customers that churn is a share of (averaged over the period's months), the value of one
/// customer a month and the programme cost a month. Null is undefined (no data, or no baseline).
/// </summary>
public sealed record MeasuredInputs(
    string Against, DateOnly? BaselineFrom, DateOnly? BaselineTo, double? ChurnBefore, double? ChurnAfter, double? Customers,
    double? Value, double Margin, double Cost, int Months);

/// <summary>
/// The programme's measured effect (grammar/README.md, "Measured effect"): churn before and after in % a month, the change in
/// points, customers kept a month N = (before − after) / 100 × customers (negative: customers lost), and over the
/// period's H months, with the scenario's own model undiscounted (it is the past) and the kept customers churning at
/// the period's rate c: customers kept at the end = Σ_{m=1..H} N (1−c)^(H−m), value = Σ_{m=1..H} Σ_{t=m..H} N v g (1−c)^(t−m),
/// cost = C × H, net = value − cost, ROI % = 100 net / cost (null when cost is 0). One row; arithmetic, not SQL.
/// </summary>
public static class MeasuredEffect
{
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("against", ColumnType.Text), new("baseline_from", ColumnType.Date), new("baseline_to", ColumnType.Date),
        new("churn_before", ColumnType.Number, Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Churn a month, baseline")),
        new("churn_after", ColumnType.Number, Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Churn a month, period")),
        new("churn_change", ColumnType.Number, Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Change in churn, points") with { Decimals = 2, RelativeChange = false }),
        new("customers", ColumnType.Number, Meaning.Of(Unit.Count, Direction.Neutral, "Active customers, average a month")),
        new("kept_per_month", ColumnType.Number, Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Customers kept a month") with { Decimals = 1 }),
        new("months", ColumnType.Integer, Meaning.Of(Unit.Count, Direction.Neutral, "Months in the period")),
        new("customers_kept", ColumnType.Number, Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Customers kept at the period end") with { Decimals = 1 }),
        new("value", ColumnType.Number, Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "Value of the customers kept")),
        new("cost", ColumnType.Number, Meaning.Of(Unit.Currency, Direction.Neutral, "Programme cost over the period")),
        new("net", ColumnType.Number, Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "Net")),
        new("roi_pct", ColumnType.Number, Meaning.Of(Unit.Percent, Direction.HigherIsBetter, "ROI")),
    ];

    public static ResultTable Compute(MeasuredInputs inputs)
    {
        var change = inputs.ChurnAfter - inputs.ChurnBefore;
        var perMonth = -change / 100 * inputs.Customers;
        double? keptAtEnd = null, value = null;
        if (perMonth is { } n && inputs.ChurnAfter is { } after)
        {
            var (kept, customerMonths) = Sums(1 - after / 100, inputs.Months);
            keptAtEnd = Finite(n * kept);
            value = inputs.Value is { } v ? Finite(n * customerMonths * v * inputs.Margin) : null;
        }
        var cost = inputs.Cost * inputs.Months;
        var net = value - cost;
        double? roi = cost == 0 ? null : 100 * net / cost;
        return new ResultTable(Columns,
        [
            [inputs.Against, inputs.BaselineFrom, inputs.BaselineTo, inputs.ChurnBefore, inputs.ChurnAfter, change, inputs.Customers,
             perMonth, (long)inputs.Months, keptAtEnd, value, cost, net, roi],
        ]);
    }

    /// <summary>A churn above 100% makes the sums overflow; such a value is undefined, not infinite.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// Σ_{m=1..H} k^(H−m) and Σ_{m=1..H} Σ_{t=m..H} k^(t−m) in closed form (a period may span thousands of months):
    /// (1−k^H)/(1−k) and (H − k(1−k^H)/(1−k))/(1−k); H and H(H+1)/2 when nobody churns (k = 1).
    /// </summary>
    private static (double Kept, double CustomerMonths) Sums(double k, int h)
    {
        if (Math.Abs(1 - k) < 1e-12) return (h, h * (h + 1.0) / 2);
        var geometric = (1 - Math.Pow(k, h)) / (1 - k);
        return (geometric, (h - k * geometric) / (1 - k));
    }
}
