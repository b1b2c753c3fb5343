using CxReports.Dsl.Model;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Tests.Reports;

public class ScenarioTableTests
{
    private static ScenarioModel Scenario(int[] retain, int[] horizons) =>
        new("roi", retain, new BoundLiteral(0m, Dsl.Model.ValueType.Number, default), 0.8m, null, null, 0m, horizons, default);

    private static object?[] Row(CxReports.Engine.Results.ResultTable table, long retain, long horizon) =>
        table.Rows.Single(r => (long)r[0]! == retain && (long)r[1]! == horizon);

    [Fact]
    public void Worked_example_of_the_metric_definitions_retain_5_for_a_quarter_and_a_year()
    {
        // metrics.md: N = 5, v = 50, g = 80%, c = 2%, C = 1000, r = 0.
        var table = ScenarioTable.Compute(Scenario([5], [3, 12]), new ScenarioInputs(50, 0.8, 2, 1000, 0));

        var quarter = Row(table, 5, 3);
        Assert.Equal(1184.08, (double)quarter[3]!, 6);        // gain
        Assert.Equal(3000, (double)quarter[4]!, 9);           // cost
        Assert.Equal(-1815.92, (double)quarter[5]!, 6);       // net
        Assert.Equal(-60.5307, (double)quarter[6]!, 4);       // ROI %

        var year = Row(table, 5, 12);
        Assert.Equal(14511.1946, (double)year[3]!, 4);
        Assert.Equal(12000, (double)year[4]!, 9);
        Assert.Equal(2511.1946, (double)year[5]!, 4);
        Assert.Equal(20.9266, (double)year[6]!, 4);
    }

    [Fact]
    public void Extra_revenue_is_the_gain_before_margin_and_customers_kept_decay_with_churn()
    {
        var row = Row(ScenarioTable.Compute(Scenario([1], [2]), new ScenarioInputs(100, 0.8, 10, 0, 0)), 1, 2);
        // Kept customers: month 1's is still there in month 2 with 90%: revenue 100 + 90 + 100 = 290.
        Assert.Equal(290, (double)row[2]!, 9);
        Assert.Equal(232, (double)row[3]!, 9);
        // At H = 2: 0.9 of month 1's customer + month 2's customer.
        Assert.Equal(1.9, (double)row[7]!, 9);
    }

    [Fact]
    public void Discounting_divides_month_t_by_1_plus_the_monthly_rate_to_the_t()
    {
        var r = Math.Pow(1.1, 1.0 / 12) - 1;
        var row = Row(ScenarioTable.Compute(Scenario([1], [1]), new ScenarioInputs(100, 1, 0, 50, 0.10)), 1, 1);
        Assert.Equal(100 / (1 + r), (double)row[3]!, 9);
        Assert.Equal(50 / (1 + r), (double)row[4]!, 9);
    }

    [Fact]
    public void Without_a_cost_the_roi_is_undefined_and_without_a_value_so_are_the_revenues()
    {
        var noCost = Row(ScenarioTable.Compute(Scenario([1], [12]), new ScenarioInputs(50, 0.8, 2, 0, 0)), 1, 12);
        Assert.Null(noCost[6]);
        var noValue = Row(ScenarioTable.Compute(Scenario([1], [12]), new ScenarioInputs(null, 0.8, 2, 100, 0)), 1, 12);
        Assert.Null(noValue[2]);
        Assert.Null(noValue[3]);
        Assert.Null(noValue[5]);
    }

    [Fact]
    public void One_row_per_retain_and_horizon_in_the_order_written()
    {
        var table = ScenarioTable.Compute(Scenario([1, 5, 10], [3, 12, 36, 60, 120]), new ScenarioInputs(50, 0.8, 2, 1000, 0.1));
        Assert.Equal(15, table.Rows.Count);
        Assert.Equal([1L, 1, 1, 1, 1, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10], table.Rows.Select(r => (long)r[0]!));
        Assert.Equal([3L, 12, 36, 60, 120], table.Rows.Take(5).Select(r => (long)r[1]!));
    }
}
