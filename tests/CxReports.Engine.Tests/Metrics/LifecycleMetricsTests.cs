using CxReports.Engine.Results;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// active, new, churned, churn_rate and loss_to_gain (metrics.md "Lifecycle metrics"): a customer on day d when
/// s &lt;= d &lt; e, e the earliest linked churn event. Checked against numbers worked out by hand and against an
/// independent count over the same customers.
/// </summary>
public abstract class LifecycleMetricsTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
          time signup: date
          lifecycle signup .. churns.left_at
        }
        source churns from "churns.csv" {
          link customer = customer_id -> customers
          time left_at: date
        }
        source accounts from "accounts.csv" {
          key id
          time opened: date
          time closed: date
          lifecycle opened .. closed
        }
        metric customers_active = active(customers)
        metric new_customers = new(customers)
        metric churned_customers = churned(customers)
        metric logo_churn = churn_rate(customers)
        metric monthly_churn = churn_rate(customers) per month
        metric lost_per_gained = loss_to_gain(customers)
        """;

    /// <summary>(id, plan, signup, end): the end is what the churn file should yield, the earliest event.</summary>
    private static readonly Customer[] People =
    [
        new("c1", "pro", "2024-11-10", null),
        new("c2", "basic", "2024-12-05", "2025-02-10"),
        new("c3", "pro", "2025-01-15", "2025-01-25"),   // signs up and churns in January
        new("c4", "basic", "2025-01-20", "2025-03-01"), // ends on a bucket's first day: active at its start, churned in it
        new("c5", "pro", "2024-06-01", "2025-02-20"),   // two churn events: 2025-04-05 and 2025-02-20; the earliest counts
        new("c6", "basic", "2025-03-10", null),
        new("c7", "pro", "2025-02-28", "2025-04-30"),
        new("c8", "pro", "2025-06-01", null),           // signs up after the period
        new("c9", "basic", "2024-01-01", "2024-12-31"), // left before the period
    ];

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv(["id,plan,signup", .. People.Select(p => $"{p.Id},{p.Plan},{p.Signup:yyyy-MM-dd}")])),
        ("churns.csv", Csv("customer_id,left_at", "c2,2025-02-10", "c3,2025-01-25", "c4,2025-03-01", "c5,2025-04-05",
            "c5,2025-02-20", "c7,2025-04-30", "c9,2024-12-31")),
        ("accounts.csv", Csv("id,opened,closed", "a1,2025-01-10,2025-01-20", "a2,2024-12-01,2025-01-31", "a3,2024-12-15,")));

    private const string All = "customers_active, new_customers, churned_customers, logo_churn, lost_per_gained";

    [Fact]
    public void Monthly_counts_and_rates_match_the_hand_worked_months()
    {
        ResultTable t = _w.Query(All + " by month", "2025-01-01", "2025-04-30");
        Assert.Equal(4, t.Rows.Count);
        // month      active (s < b0 <= e)   new      churned           churn_rate                      loss_to_gain
        // January    c1 c2 c5 = 3           c3 c4    c3                0 / 3 (c3 started inside)        1 / 2
        // February   c1 c2 c4 c5 = 4        c7       c2 c5             2 / 4                            2 / 1
        // March      c1 c4 c7 = 3           c6       c4 (on 1 March)   1 / 3                            1 / 1
        // April      c1 c6 c7 = 3           -        c7 (c5's later    1 / 3                            1 / 0 = null
        //                                            event is ignored)
        Expect(t, "2025-01-01", 3, 2, 1, 0.0, 0.5);
        Expect(t, "2025-02-01", 4, 1, 2, 50.0, 2.0);
        Expect(t, "2025-03-01", 3, 1, 1, 100.0 / 3, 1.0);
        Expect(t, "2025-04-01", 3, 0, 1, 100.0 / 3, null);
    }

    [Fact]
    public void Same_month_signup_and_churn_is_new_and_churned_but_not_in_the_rate()
    {
        ResultTable t = _w.Query("new_customers, churned_customers, logo_churn by month", "2025-01-01", "2025-01-31");
        Assert.Equal(2L, t.Count("new_customers", "2025-01-01"));      // c3 and c4
        Assert.Equal(1L, t.Count("churned_customers", "2025-01-01"));  // c3
        Assert.Equal(0.0, t.Number("logo_churn", "2025-01-01"));        // 0 of 3 at the start left; counting c3 would give 33.3
    }

    [Fact]
    public void Counts_match_an_independent_count_for_every_month_and_plan()
    {
        ResultTable t = _w.Query(All + " by month, plan", "2025-01-01", "2025-04-30");
        Assert.Equal(8, t.Rows.Count); // 4 months × {pro, basic}
        for (DateOnly month = Day("2025-01-01"); month <= Day("2025-04-01"); month = month.AddMonths(1))
            foreach (string plan in new[] { "pro", "basic" })
            {
                Customer[] ofPlan = People.Where(p => p.Plan == plan).ToArray();
                Bucket b = Bucket.Of(ofPlan, month, month.AddMonths(1));
                string key = month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(b.Active, t.Count("customers_active", key, plan));
                Assert.Equal(b.New, t.Count("new_customers", key, plan));
                Assert.Equal(b.Churned, t.Count("churned_customers", key, plan));
                AssertNumber(b.Rate, t.Number("logo_churn", key, plan));
                AssertNumber(b.LossToGain, t.Number("lost_per_gained", key, plan));
            }
    }

    [Fact]
    public void Ungrouped_the_period_is_one_bucket()
    {
        ResultTable t = _w.Query(All, "2025-01-01", "2025-04-30");
        // active is a snapshot: ungrouped, at the end of the period (the end of 30 April): c1 c6 (c7 left on 30 April).
        // new: c3 c4 c7 c6; churned: c3 c2 c5 c4 c7; the rate's base, active at 1 January: c1 c2 c5, of whom c2 c5 left.
        Assert.Equal(2L, t.Count("customers_active"));
        Assert.Equal(4L, t.Count("new_customers"));
        Assert.Equal(5L, t.Count("churned_customers"));
        Assert.Equal(200.0 / 3, t.Single("logo_churn")!.Value, 9);
        Assert.Equal(5.0 / 4, t.Single("lost_per_gained")!.Value, 9);
    }

    [Theory]
    [InlineData("2025-01-01", "2025-04-30", "2025-04-30")] // whole months: the planner counts entities per month
    [InlineData("2025-01-15", "2025-04-30", "2025-04-30")] // begins inside a month (c3 signs up on the 15th, c4 on the 20th)
    [InlineData("2025-01-01", "2025-02-27", "2025-02-27")] // ends inside one (c7 signs up on the 28th)
    [InlineData("2025-01-01", "2025-04-30", "2025-02-20")] // the as-of date inside: the snapshot at the end of 20 February
    [InlineData("2025-02-01", "2025-03-31", "2025-02-28")] // as-of on a month's last day: counted per month again
    public void Ungrouped_counts_match_an_independent_count_whether_or_not_the_bounds_are_whole_months(string from, string to, string today)
    {
        ResultTable t = _w.Query(All, from, to, today: today);
        Bucket b = Bucket.Of(People, Day(from), Day(to).AddDays(1));
        DateOnly after = Day(today).AddDays(1);
        Assert.Equal(People.Count(c => c.Signup < after && (c.End is null || c.End >= after)), t.Count("customers_active"));
        Assert.Equal(b.New, t.Count("new_customers"));
        Assert.Equal(b.Churned, t.Count("churned_customers"));
        AssertNumber(b.Rate, t.Single("logo_churn"));
        AssertNumber(b.LossToGain, t.Single("lost_per_gained"));
    }

    [Fact]
    public void Churn_per_month_is_the_mean_of_the_monthly_rates()
    {
        // Monthly rates 0, 50, 33.33, 33.33 (see the hand-worked months).
        ResultTable whole = _w.Query("monthly_churn", "2025-01-01", "2025-04-30");
        Assert.Equal((0 + 50 + 100.0 / 3 + 100.0 / 3) / 4, whole.Single("monthly_churn")!.Value, 9);

        ResultTable quarters = _w.Query("monthly_churn, logo_churn by quarter", "2025-01-01", "2025-04-30");
        Assert.Equal((0 + 50 + 100.0 / 3) / 3, quarters.Number("monthly_churn", "2025-01-01")!.Value, 9);
        Assert.Equal(100.0 / 3, quarters.Number("monthly_churn", "2025-04-01")!.Value, 9); // only April is in the period
        // Without `per month` the quarter is one bucket: 2 of the 3 customers at 1 January left in it.
        Assert.Equal(200.0 / 3, quarters.Number("logo_churn", "2025-01-01")!.Value, 9);

        ResultTable months = _w.Query("monthly_churn by month", "2025-01-01", "2025-04-30");
        Assert.Equal(50.0, months.Number("monthly_churn", "2025-02-01")!.Value, 9); // by month it is the month's own rate
    }

    [Fact]
    public void Churn_per_month_by_quarter_and_plan_is_the_mean_of_each_plans_monthly_rates()
    {
        ResultTable t = _w.Query("monthly_churn by quarter, plan", "2025-01-01", "2025-04-30");
        Assert.Equal(4, t.Rows.Count);
        foreach ((string quarter, DateOnly first, int months) in new[] { ("2025-01-01", Day("2025-01-01"), 3), ("2025-04-01", Day("2025-04-01"), 1) })
            foreach (string plan in new[] { "pro", "basic" })
            {
                double?[] rates = Enumerable.Range(0, months)
                    .Select(i => Bucket.Of(People.Where(p => p.Plan == plan), first.AddMonths(i), first.AddMonths(i + 1)).Rate).ToArray();
                double? mean = rates.Any(r => r is not null) ? rates.Where(r => r is not null).Average() : null;
                AssertNumber(mean, t.Number("monthly_churn", quarter, plan));
            }
        // By hand for basic in Q1: January 0 / 1 (c2), February 1 / 2 (c2 of c2 c4), March 1 / 1 (c4): (0 + 50 + 100) / 3.
        Assert.Equal(50.0, t.Number("monthly_churn", "2025-01-01", "basic")!.Value, 9);
        // basic in April: c6 (signed up in March) is the only customer at the start, and stays: 0 / 1.
        Assert.Equal(0.0, t.Number("monthly_churn", "2025-04-01", "basic")!.Value, 9);
    }

    [Fact]
    public void A_month_cut_by_the_period_is_evaluated_on_its_days_inside_it()
    {
        // February counts from the 15th: c1 c4 c5 are customers then (c2 left on the 10th) and c5 leaves on the
        // 20th: 1 / 3. March and April: 1 / 3 each. Evaluating the whole of February (50) would give 38.9.
        ResultTable t = _w.Query("monthly_churn", "2025-02-15", "2025-04-30");
        Assert.Equal(100.0 / 3, t.Single("monthly_churn")!.Value, 9);
    }

    [Fact]
    public void Buckets_cut_by_the_period_count_from_the_period_start()
    {
        ResultTable t = _w.Query(All + " by month", "2025-01-15", "2025-02-14");
        foreach ((string month, DateOnly b0, DateOnly b1) in new[]
                 {
                     ("2025-01-01", Day("2025-01-15"), Day("2025-02-01")),
                     ("2025-02-01", Day("2025-02-01"), Day("2025-02-15")),
                 })
        {
            Bucket b = Bucket.Of(People, b0, b1);
            Assert.Equal(b.Active, t.Count("customers_active", month));
            Assert.Equal(b.New, t.Count("new_customers", month));
            Assert.Equal(b.Churned, t.Count("churned_customers", month));
            AssertNumber(b.Rate, t.Number("logo_churn", month));
        }
        // By hand, from 15 January: c1 c2 c5 active, c3 (on the 15th) and c4 new, c3 churned; February 1-14: c2 churned of 4.
        Assert.Equal(3L, t.Count("customers_active", "2025-01-01"));
        Assert.Equal(2L, t.Count("new_customers", "2025-01-01"));
        Assert.Equal(25.0, t.Number("logo_churn", "2025-02-01"));
    }

    [Fact]
    public void An_end_date_in_the_same_file_works_the_same_way()
    {
        const string accounts = "active(accounts), new(accounts), churned(accounts), churn_rate(accounts), loss_to_gain(accounts)";
        ResultTable t = _w.Query(accounts + " by month", "2025-01-01", "2025-01-31");
        // a2 and a3 open at 1 January; a1 opens and closes in January; a1 and a2 close in January.
        Assert.Equal(2L, t.Count("active(accounts)", "2025-01-01"));
        Assert.Equal(1L, t.Count("new(accounts)", "2025-01-01"));
        Assert.Equal(2L, t.Count("churned(accounts)", "2025-01-01"));
        Assert.Equal(50.0, t.Number("churn_rate(accounts)", "2025-01-01")); // a2 of {a2, a3}; a1 is not in the rate
        Assert.Equal(2.0, t.Number("loss_to_gain(accounts)", "2025-01-01"));
    }

    [Fact]
    public void Without_customers_counts_are_0_and_rates_are_null()
    {
        // November 2023: nobody has signed up yet (c9, the earliest, signs up in January 2024).
        ResultTable t = _w.Query(All + " by month", "2023-11-01", "2023-11-30");
        Assert.Equal(0L, t.Count("customers_active", "2023-11-01"));
        Assert.Equal(0L, t.Count("new_customers", "2023-11-01"));
        Assert.Equal(0L, t.Count("churned_customers", "2023-11-01"));
        Assert.Null(t.Number("logo_churn", "2023-11-01"));
        Assert.Null(t.Number("lost_per_gained", "2023-11-01"));
    }

    [Fact]
    public void Plans_of_customers_outside_the_period_are_not_values_seen_in_it()
    {
        using MetricWarehouse w = Load(Model,
            ("customers.csv", Csv("id,plan,signup", "c1,pro,2024-11-10", "c2,basic,2025-01-05", "old,legacy,2023-01-01", "late,trial,2025-06-01")),
            ("churns.csv", Csv("customer_id,left_at", "old,2024-06-30")),
            ("accounts.csv", Csv("id,opened,closed")));
        // "legacy" left before the period and "trial" starts after it: neither is seen in January.
        ResultTable t = w.Query("customers_active, new_customers by month, plan", "2025-01-01", "2025-01-31");
        Assert.Equal(["basic", "pro"], t.Rows.Select(r => (string?)r[1]).Order());
        Assert.Equal(1L, t.Count("customers_active", "2025-01-01", "pro"));
        Assert.Equal(1L, t.Count("new_customers", "2025-01-01", "basic"));
    }

    [Fact]
    public void A_query_where_on_a_field_limits_the_customers_counted()
    {
        ResultTable t = _w.Query(All + " by month where plan = \"pro\"", "2025-02-01", "2025-02-28");
        // pro in February: c1 c5 at the start, c7 new, c5 churned -> 1 / 2.
        Expect(t, "2025-02-01", 2, 1, 1, 50.0, 1.0);
    }

    private static void Expect(ResultTable t, string month, long active, long started, long churned, double rate, double? lossToGain)
    {
        Assert.Equal(active, t.Count("customers_active", month));
        Assert.Equal(started, t.Count("new_customers", month));
        Assert.Equal(churned, t.Count("churned_customers", month));
        Assert.Equal(rate, t.Number("logo_churn", month)!.Value, 9);
        AssertNumber(lossToGain, t.Number("lost_per_gained", month));
    }

    private static void AssertNumber(double? expected, double? actual)
    {
        if (expected is null) Assert.Null(actual);
        else Assert.Equal(expected.Value, Assert.NotNull(actual), 9);
    }

    public void Dispose() => _w.Dispose();

    private sealed record Customer(string Id, string Plan, DateOnly Signup, DateOnly? End)
    {
        public Customer(string id, string plan, string signup, string? end) : this(id, plan, Day(signup), end is null ? null : Day(end)) { }
    }

    /// <summary>The definitions of metrics.md for the bucket [b0, b1), written out in plain C#.</summary>
    private sealed record Bucket(long Active, long New, long Churned, double? Rate, double? LossToGain)
    {
        public static Bucket Of(IEnumerable<Customer> customers, DateOnly b0, DateOnly b1)
        {
            Customer[] all = customers.ToArray();
            long active = all.Count(c => c.Signup < b0 && (c.End is null || c.End >= b0));
            long started = all.Count(c => b0 <= c.Signup && c.Signup < b1);
            long churned = all.Count(c => c.End is { } e && b0 <= e && e < b1);
            long left = all.Count(c => c.Signup < b0 && c.End is { } e && b0 <= e && e < b1);
            return new Bucket(active, started, churned, active == 0 ? null : 100.0 * left / active, started == 0 ? null : (double)churned / started);
        }
    }
}

public sealed class LifecycleMetricsTestsOnDuckDb() : LifecycleMetricsTests(TestEngine.DuckDb);

public sealed class LifecycleMetricsTestsOnPostgres() : LifecycleMetricsTests(TestEngine.Postgres);
