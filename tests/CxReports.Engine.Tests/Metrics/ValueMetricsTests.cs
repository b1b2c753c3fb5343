using CxReports.Dsl.Binding;
using CxReports.Engine.Results;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// Value metrics (metrics.md "Value metrics"): ltv simple and discounted, average transaction size without refunds,
/// average contract value dated by signup, and support cost per customer as a composed monthly quantity.
/// </summary>
public abstract class ValueMetricsTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column contract_value: decimal
          time signup: date
          time left: date
          lifecycle signup .. left
        }
        source orders from "orders.csv" {
          key id
          link customer = customer_id -> customers
          time at: date
          column kind
          column amount: decimal
        }
        source costs from "costs.csv" {
          time booked: date format "%Y-%m"
          column support: decimal
          column arpa: decimal
          column churn: decimal
        }
        metric monthly_value = sum(costs.arpa) per month
        metric monthly_churn = sum(costs.churn) per month
        metric ltv_simple = ltv(value: monthly_value, churn: monthly_churn, margin: 80%)
        metric ltv_pv = ltv(value: monthly_value, churn: monthly_churn, margin: 80%, discount: 10% per year)
        metric ltv_example = ltv(value: 50, churn: 2, margin: 80%)
        metric ltv_example_pv = ltv(value: 50, churn: 2, margin: 80%, discount: 10% per year)
        metric ltv_with_cost = ltv(value: 50, churn: 2, margin: 80%, cost: 5)
        metric ltv_no_churn = ltv(value: 50, churn: 0, margin: 80%)
        metric ltv_no_churn_pv = ltv(value: 50, churn: 0, margin: 80%, discount: 10% per year)
        metric ats = sum(orders.amount) / count(orders) where orders.kind = "sale"
        metric acv = sum(customers.contract_value) / new(customers)
        metric support_per_customer = sum(costs.support) / active(customers) per month
        """;

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv("id,contract_value,signup,left",
            "c0,,2024-06-01,",
            "c3,5000,2024-12-01,",
            "c1,1200,2025-01-10,",
            "c2,600,2025-01-20,2025-02-15",
            "c4,300,2025-02-03,",
            "c5,,2025-02-10,")),
        ("orders.csv", Csv("id,customer_id,at,kind,amount",
            "o1,c1,2025-01-05,sale,100",
            "o2,c1,2025-01-09,sale,50",
            "o3,c2,2025-01-12,refund,-30",
            "o4,c2,2025-01-30,sale,30",
            "o5,c1,2025-02-02,refund,-50")),
        // Value and churn vary by month (40 at 1%, 60 at 3%) so their means (50, 2%) are the worked example.
        ("costs.csv", Csv("booked,support,arpa,churn",
            "2024-05,100,,",
            "2024-06,100,,",
            "2024-07,60,,",
            "2025-01,300,40,1",
            "2025-02,500,60,3",
            "2025-03,90,50,2")));

    [Fact]
    public void Ltv_of_the_worked_example()
    {
        ResultTable t = _w.Query("ltv_example, ltv_example_pv, ltv_with_cost", "2025-01-01", "2025-03-31");
        // (50 * 0.8) / 0.02 = 2000: value x margin x lifetime (1 / 2%).
        Assert.Equal(2000.0, t.Single("ltv_example")!.Value, 9);
        // r = 1.1^(1/12) - 1 = 0.0079741...: 40 / (0.02 + r) = 1429.8920
        Assert.Equal(1429.8920, t.Single("ltv_example_pv")!.Value, 4);
        // Within 1e-9, not "to 9 places": 1.1^(1/12) - 1 cancels digits, and PostgreSQL works it out in NUMERIC, more
        // exactly than the double here, so the two may round to opposite sides of the ninth decimal.
        Assert.Equal(40 / (0.02 + (Math.Pow(1.1, 1.0 / 12) - 1)), t.Single("ltv_example_pv")!.Value, 1e-9);
        // A monthly cost per customer comes off the margin: (40 - 5) / 0.02.
        Assert.Equal(1750.0, t.Single("ltv_with_cost")!.Value, 9);
    }

    [Fact]
    public void Ltv_is_null_without_churn_or_discount_and_finite_with_a_discount()
    {
        ResultTable t = _w.Query("ltv_no_churn, ltv_no_churn_pv", "2025-01-01", "2025-03-31");
        Assert.Null(t.Single("ltv_no_churn"));
        Assert.Equal(40 / (Math.Pow(1.1, 1.0 / 12) - 1), t.Single("ltv_no_churn_pv")!.Value, 1e-9); // 5016.2..., within 1e-9 as above
    }

    [Fact]
    public void Ltv_of_monthly_inputs_uses_their_means_over_the_bucket()
    {
        ResultTable t = _w.Query("ltv_simple, ltv_pv, monthly_value, monthly_churn", "2025-01-01", "2025-03-31");
        // Means: value (40 + 60 + 50) / 3 = 50, churn (1 + 3 + 2) / 3 = 2 -> the worked example again
        // (the mean of the monthly LTVs, (3200 + 1600 + 2000) / 3, would be 2266.7).
        Assert.Equal(50.0, t.Single("monthly_value")!.Value, 9);
        Assert.Equal(2.0, t.Single("monthly_churn")!.Value, 9);
        Assert.Equal(2000.0, t.Single("ltv_simple")!.Value, 9);
        Assert.Equal(1429.8920, t.Single("ltv_pv")!.Value, 4);

        ResultTable months = _w.Query("ltv_simple by month", "2025-01-01", "2025-03-31");
        Assert.Equal(3200.0, months.Number("ltv_simple", "2025-01-01")!.Value, 9); // 32 / 1%
        Assert.Equal(1600.0, months.Number("ltv_simple", "2025-02-01")!.Value, 9); // 48 / 3%
    }

    [Fact]
    public void Average_transaction_size_leaves_refunds_out()
    {
        ResultTable t = _w.Query("ats by month", "2025-01-01", "2025-02-28");
        // January sales 100, 50, 30: 180 / 3 = 60 (with the refund it would be 150 / 4 = 37.5).
        Assert.Equal(60.0, t.Number("ats", "2025-01-01")!.Value, 9);
        // February has only a refund: 0 sales / 0 orders is null, not 0.
        Assert.Null(t.Number("ats", "2025-02-01"));
    }

    [Fact]
    public void Average_contract_value_is_dated_by_signup()
    {
        ResultTable t = _w.Query("acv by month", "2025-01-01", "2025-03-31");
        Assert.Equal(900.0, t.Number("acv", "2025-01-01")!.Value, 9);  // c1 1200 + c2 600 over 2 new (c3 signed in December)
        Assert.Equal(150.0, t.Number("acv", "2025-02-01")!.Value, 9);  // c4 300 + c5 blank over 2 new
        Assert.Null(t.Number("acv", "2025-03-01"));                      // nobody new: 0 / 0
    }

    [Fact]
    public void Support_cost_per_customer_is_the_mean_of_its_monthly_values()
    {
        // Customers at the start of January: c0 c3; February: c0 c3 c1 c2; March: c0 c3 c1 c4 c5 (c2 left).
        // Monthly: 300 / 2 = 150, 500 / 4 = 125, 90 / 5 = 18.
        ResultTable months = _w.Query("support_per_customer by month", "2025-01-01", "2025-03-31");
        Assert.Equal(150.0, months.Number("support_per_customer", "2025-01-01")!.Value, 9);
        Assert.Equal(125.0, months.Number("support_per_customer", "2025-02-01")!.Value, 9);
        Assert.Equal(18.0, months.Number("support_per_customer", "2025-03-01")!.Value, 9);
        // Over the quarter: the mean of the three, not 890 / mean(2, 4, 5) = 242.7.
        ResultTable quarter = _w.Query("support_per_customer by quarter", "2025-01-01", "2025-03-31");
        Assert.Equal((150.0 + 125 + 18) / 3, quarter.Number("support_per_customer", "2025-01-01")!.Value, 9);
        ResultTable whole = _w.Query("support_per_customer", "2025-01-01", "2025-03-31");
        Assert.Equal((150.0 + 125 + 18) / 3, whole.Single("support_per_customer")!.Value, 9);
    }

    [Fact]
    public void Months_whose_monthly_value_is_null_are_skipped_not_counted_as_0()
    {
        // May and June 2024: support spent but no customer at the start (c0 signs up on 1 June): null.
        // July: 60 / 1. The mean over the period skips the nulls: 60, not 20.
        ResultTable t = _w.Query("support_per_customer", "2024-05-01", "2024-07-31");
        Assert.Equal(60.0, t.Single("support_per_customer")!.Value, 9);
        ResultTable none = _w.Query("support_per_customer", "2024-05-01", "2024-06-30");
        Assert.Null(none.Single("support_per_customer"));
    }

    [Fact]
    public void A_year_is_the_mean_of_its_months_in_the_period()
    {
        ResultTable t = _w.Query("support_per_customer by year", "2024-05-01", "2025-03-31");
        // 2024: May and June null (nobody at the start), July 60 / 1, August to December no support rows: 0 / 1
        // (a sum of no rows is 0; c3 signs up on 1 December, so is not there at its start). Mean of 60 and five 0s.
        Assert.Equal(10.0, t.Number("support_per_customer", "2024-01-01")!.Value, 9);
        Assert.Equal((150.0 + 125 + 18) / 3, t.Number("support_per_customer", "2025-01-01")!.Value, 9);
    }

    [Fact]
    public void A_monthly_quantity_cannot_be_grouped_by_a_grain_finer_than_a_month()
    {
        (Dsl.Model.BoundQuery? query, IReadOnlyList<Dsl.Diagnostics.Diagnostic> diagnostics) =
            ModelBinder.BindQuery(_w.Model, "support_per_customer by week");
        Assert.Null(query);
        Assert.Contains(diagnostics, d => d.Message.Contains("monthly quantity", StringComparison.Ordinal));
    }

    public void Dispose() => _w.Dispose();
}

public sealed class ValueMetricsTestsOnDuckDb() : ValueMetricsTests(TestEngine.DuckDb);

public sealed class ValueMetricsTestsOnPostgres() : ValueMetricsTests(TestEngine.Postgres);
