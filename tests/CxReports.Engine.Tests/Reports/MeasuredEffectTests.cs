using System.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// A scenario measured against the previous period (grammar/README.md, "Measured effect") on a small customer base whose
/// churn is known month by month, so every figure is worked out by hand: churn before and after, customers kept a
/// month and at the period end, their value, the programme cost, net and ROI; null where there is no baseline.
/// </summary>
public abstract class MeasuredEffectTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private static string Model(string period, string currency = "") => $$"""
        {{currency}}
        source customers from "customers.csv" {
          key id
          time signup: date
          time left: date
          lifecycle signup .. left
        }
        metric churn = churn_rate(customers) per month
        metric active_customers = active(customers)
        scenario roi {
          retain 1, 5 per month
          value 50
          margin 80%
          churn churn
          customers active_customers
          cost 30
          horizon 1 year
          measure against previous period
        }
        report r {
          period {{period}}
          section "s" { scenario e: roi }
        }
        """;

    /// <summary>
    /// 100 customers from December 2024 (c1..c100). Until March as many join as leave, so 100 are active on the first
    /// of January, February and March: 3 of them leave in January and 3 in February (3% a month), 2 in March (2%).
    /// Two more join in March, so 102 are active on 1 April and 1 May: 2 leave in April (200/102 %), 4 in May.
    /// </summary>
    private void Load(string period, string currency = "")
    {
        var csv = new StringBuilder("id,signup,left\n");
        for (var i = 1; i <= 100; i++)
        {
            var left = i switch { <= 3 => "2025-01-10", <= 6 => "2025-02-10", <= 8 => "2025-03-10", <= 10 => "2025-04-10", <= 14 => "2025-05-10", _ => "" };
            csv.Append($"c{i},2024-12-01,{left}\n");
        }
        foreach (var (id, month) in new[] { (1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (8, 3), (15, 3), (16, 3), (9, 4), (10, 4), (11, 5), (12, 5), (13, 5), (14, 5) })
            csv.Append($"n{id},2025-{month:00}-05,\n");
        // The data reaches the end of May (a signup on its last day), so no period here is clipped to where it ends.
        csv.Append("late,2025-05-31,\n");
        _fixture.File("customers.csv", csv.ToString()).Compile(Model(period, currency));
    }

    private object?[] Measured(string period)
    {
        Load(period);
        var block = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "e");
        Assert.NotNull(block.Table);
        return Assert.Single(block.Measured!.Rows);
    }

    [Fact]
    public void Churn_falling_by_a_point_among_about_100_customers_keeps_about_one_a_month_worth_its_value_against_the_cost()
    {
        var row = Measured("2025-03-01 .. 2025-04-30");

        const double after = (2.0 + 200.0 / 102) / 2;      // March 2/100, April 2/102
        const double kept = (3 - after) / 100 * 101;        // 101 active on average (100 on 1 March, 102 on 1 April)
        const double keep = 1 - after / 100;
        Assert.Equal(["period", new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)], row[..3]);
        Assert.Equal(3.0, (double)row[3]!, 9);              // churn before: 3/100 in January and February
        Assert.Equal(after, (double)row[4]!, 9);
        Assert.Equal(after - 3, (double)row[5]!, 9);        // change in points, about -1.02
        Assert.Equal(101.0, (double)row[6]!, 9);
        Assert.Equal(kept, (double)row[7]!, 9);             // about 1.03 a month
        Assert.Equal(2L, row[8]);                           // months
        // H = 2, the kept churning at the period's rate: at the end keep + 1 of each month's kept; customer-months (1 + keep) + 1.
        Assert.Equal(kept * (keep + 1), (double)row[9]!, 9);
        var value = kept * (1 + keep + 1) * 50 * 0.8;
        Assert.Equal(value, (double)row[10]!, 9);           // about 122.7
        Assert.Equal(60.0, (double)row[11]!, 9);            // cost 30 a month for 2 months
        Assert.Equal(value - 60, (double)row[12]!, 9);
        Assert.Equal(100 * (value - 60) / 60, (double)row[13]!, 9);
    }

    [Theory]
    [InlineData("2025-03-01 .. 2025-04-30", true)]
    [InlineData("2025-03-10 .. 2025-04-30", false)]
    public void A_scenario_measured_against_the_previous_period_computes_both_in_one_statement_where_that_is_exact(string period, bool one)
    {
        // A period beginning inside a month: its first month would belong to both periods' monthly churn (two statements).
        Load(period);
        var planner = new ReportPlanner(_fixture.Model, DuckDbDialect.Instance, TimeProvider.System);
        var report = _fixture.Model.Reports["r"];
        var (resolved, values) = planner.Resolve(report, new ReportRequest());
        var block = report.Sections.SelectMany(s => s.Blocks).Single(b => b.Id == "e");
        Assert.Equal(one, planner.Plan(report, block, resolved, values)!.BothPeriods);
    }

    [Fact]
    public void The_scenario_and_its_measured_effect_carry_the_model_currency_on_their_money_columns()
    {
        Load("2025-03-01 .. 2025-04-30", "currency \"TRY\"");
        var block = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "e");

        // Counts and percentages are not money: "-" for no currency.
        string Currencies(ResultTable table, params string[] columns) =>
            string.Join(" ", columns.Select(c => table.Columns[table.IndexOf(c)].Meaning.Currency ?? "-"));
        Assert.Equal("TRY TRY TRY TRY - - -", Currencies(block.Table!, "extra_revenue", "gain", "cost", "net", "retain", "roi_pct", "customers_kept"));
        Assert.Equal("TRY TRY TRY - -", Currencies(block.Measured!, "value", "cost", "net", "kept_per_month", "roi_pct"));
    }

    [Fact]
    public void Churn_rising_is_customers_lost_a_negative_number_not_a_missing_one()
    {
        // May (4/102) against April (2/102) among 102 customers: 2 a month lost, and the value they would have brought.
        var row = Measured("2025-05-01 .. 2025-05-31");

        Assert.Equal([new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30)], row[1..3]);
        Assert.Equal(200.0 / 102, (double)row[5]!, 9);
        Assert.Equal(-2.0, (double)row[7]!, 9);
        Assert.Equal(1L, row[8]);
        Assert.Equal(-2.0, (double)row[9]!, 9);            // H = 1: the month's own
        Assert.Equal(-2.0 * 50 * 0.8, (double)row[10]!, 9); // -80
        Assert.Equal(-80.0 - 30, (double)row[12]!, 9);
    }

    [Fact]
    public void Without_churn_data_in_the_baseline_the_effect_is_null_not_zero()
    {
        // January and February against November and December 2024: nobody was a customer on 1 November or 1 December.
        var row = Measured("2025-01-01 .. 2025-02-28");

        Assert.Equal(new DateOnly(2024, 11, 1), row[1]);
        Assert.Null(row[3]);
        Assert.Equal(3.0, (double)row[4]!, 9);
        Assert.All(new[] { row[5], row[7], row[9], row[10], row[12], row[13] }, Assert.Null);
        Assert.Equal(60.0, (double)row[11]!, 9); // the programme still cost what it cost
    }
}

public sealed class MeasuredEffectTestsOnDuckDb() : MeasuredEffectTests(TestEngine.DuckDb);

public sealed class MeasuredEffectTestsOnPostgres() : MeasuredEffectTests(TestEngine.Postgres);
