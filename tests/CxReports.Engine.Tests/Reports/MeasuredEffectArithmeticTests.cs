using CxReports.Engine.Reports;

namespace CxReports.Engine.Tests.Reports;

/// <summary>The measured effect's arithmetic at its edges: nobody churning after, long periods, undefined inputs.</summary>
public class MeasuredEffectArithmeticTests
{
    private static object?[] Row(double? before, double? after, double? customers, double? value, double cost, int months) =>
        MeasuredEffect.Compute(new MeasuredInputs("period", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), before, after, customers,
            value, 0.5, cost, months)).Rows.Single();

    [Fact]
    public void With_no_churn_after_every_kept_customer_stays_to_the_end()
    {
        // N = 2 / 100 * 50 = 1 a month, nobody leaves: 12 still customers, 12 + 11 + ... + 1 = 78 customer-months.
        var row = Row(2, 0, 50, 10, 4, 12);

        Assert.Equal(1.0, (double)row[7]!, 9);
        Assert.Equal(12.0, (double)row[9]!, 9);
        Assert.Equal(78 * 10 * 0.5, (double)row[10]!, 9);
        Assert.Equal(48.0, (double)row[11]!, 9);
        Assert.Equal(390.0 - 48, (double)row[12]!, 9);
    }

    [Fact]
    public void A_period_of_a_hundred_years_is_summed_in_closed_form()
    {
        // N = 1, c = 1%: at the end Σ 0.99^j for j < 1200 = (1 - 0.99^1200) / 0.01.
        var row = Row(2, 1, 100, 1, 0, 1200);

        Assert.Equal((1 - Math.Pow(0.99, 1200)) / 0.01, (double)row[9]!, 6);
        Assert.Null(row[13]); // no cost: ROI undefined
    }

    [Fact]
    public void Without_customers_or_value_the_dependent_figures_are_null()
    {
        var noCustomers = Row(2, 1, null, 10, 5, 3);
        Assert.All(new[] { noCustomers[7], noCustomers[9], noCustomers[10], noCustomers[12], noCustomers[13] }, Assert.Null);
        Assert.Equal(-1.0, (double)noCustomers[5]!, 9);

        var noValue = Row(2, 1, 100, null, 5, 3);
        Assert.Equal(1.0, (double)noValue[7]!, 9);
        Assert.Null(noValue[10]);
        Assert.Null(noValue[12]);
    }

    [Fact]
    public void A_churn_above_100_percent_gives_null_not_infinity()
    {
        var row = Row(500, 300, 100, 10, 5, 1200);

        Assert.Equal(200.0, (double)row[7]!, 9);
        Assert.Null(row[9]);
        Assert.Null(row[10]);
    }
}
