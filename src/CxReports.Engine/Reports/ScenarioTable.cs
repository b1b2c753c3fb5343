using CxReports.Dsl.Model;
using CxReports.Engine.Results;

namespace CxReports.Engine.Reports;

/// <summary>Monthly inputs of a scenario, averaged over the report period (metrics.md).</summary>
public sealed record ScenarioInputs(double? Value, double Margin, double Churn, double Cost, double YearlyDiscount);

/// <summary>
/// The retain-N table (metrics.md): for each N and horizon H in months, with monthly discount r = (1+R)^(1/12) - 1,
/// gain = Σ_{m=1..H} Σ_{t=m..H} N v g (1-c)^(t-m) / (1+r)^t, extra revenue the same with g = 1,
/// cost = Σ_{t=1..H} C / (1+r)^t, net = gain - cost, ROI % = 100 net / cost (null when cost is 0), and the
/// customers still kept at H. The inputs are a handful of numbers, so this is arithmetic, not SQL.
/// </summary>
public static class ScenarioTable
{
    public static readonly IReadOnlyList<ResultColumn> Columns =
    [
        new("retain", ColumnType.Integer, Unit.Count), new("horizon_months", ColumnType.Integer),
        new("extra_revenue", ColumnType.Number, Unit.Currency), new("gain", ColumnType.Number, Unit.Currency),
        new("cost", ColumnType.Number, Unit.Currency), new("net", ColumnType.Number, Unit.Currency),
        new("roi_pct", ColumnType.Number, Unit.Percent), new("customers_kept", ColumnType.Number, Unit.Count),
    ];

    public static ResultTable Compute(ScenarioModel scenario, ScenarioInputs inputs)
    {
        var rows = new List<object?[]>();
        var keep = 1 - inputs.Churn / 100;
        var r = Math.Pow(1 + inputs.YearlyDiscount, 1.0 / 12) - 1;
        foreach (var retain in scenario.Retain)
        foreach (var horizon in scenario.HorizonMonths)
        {
            double revenue = 0, kept = 0, cost = 0;
            for (var m = 1; m <= horizon; m++)
            {
                for (var t = m; t <= horizon; t++)
                    revenue += retain * Math.Pow(keep, t - m) / Math.Pow(1 + r, t);
                kept += retain * Math.Pow(keep, horizon - m);
            }
            for (var t = 1; t <= horizon; t++) cost += inputs.Cost / Math.Pow(1 + r, t);

            double? extra = inputs.Value is { } v ? revenue * v : null;
            var gain = extra * inputs.Margin;
            var net = gain - cost;
            double? roi = cost == 0 ? null : 100 * net / cost;
            rows.Add([(long)retain, (long)horizon, extra, gain, cost, net, roi, kept]);
        }
        return new ResultTable(Columns, rows);
    }
}
