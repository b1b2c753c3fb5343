using System.Globalization;
using CxReports.Engine.Results;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// Recurring revenue (metrics.md "Revenue metrics", ChartMogul/Stripe definitions): MRR per entity and month from
/// the recurring rows only, paired with the month before, the five movements and the ratios built on them.
/// </summary>
public abstract class RevenueMetricsTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    /// <summary>Customers with a plan and their invoices, one kind of which is recurring (RevenueRollupTests reads it too).</summary>
    internal const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
          time signup: date
        }
        source invoices from "invoices.csv" {
          key id
          link customer = customer_id -> customers
          time issued: date
          column kind
          column amount: decimal
          recurring amount per month where kind = "sub"
        }
        metric mrr_pro = mrr(invoices) where invoices.customer.plan = "pro"
        """;

    private const string Movements = "mrr_new(invoices), mrr_reactivation(invoices), mrr_expansion(invoices), mrr_contraction(invoices), mrr_churned(invoices)";
    private const string Ratios = "mrr_churn(invoices), net_mrr_churn(invoices), grr(invoices), nrr(invoices)";
    private const string All = "mrr(invoices), paying(invoices), arpa(invoices), " + Movements + ", " + Ratios;

    /// <summary>(entity, issued, kind, amount). Only "sub" rows are recurring; setup fees, add-ons and refunds are not MRR.</summary>
    private static readonly (string Entity, string Issued, string Kind, double Amount)[] Invoices =
    [
        ("D", "2024-12-15", "sub", 40),                                                        // D pays in December, then pauses
        ("A", "2025-01-05", "sub", 100), ("B", "2025-01-10", "sub", 200), ("E", "2025-01-20", "sub", 30),
        ("A", "2025-02-05", "sub", 110), ("B", "2025-02-10", "sub", 120), ("C", "2025-02-12", "sub", 50),
        ("D", "2025-02-15", "sub", 60), ("E", "2025-02-20", "sub", 30), ("E", "2025-02-20", "setup", 500),
        ("B", "2025-02-11", "refund", -200), ("A", "2025-02-06", "addon", 25),
        ("A", "2025-03-05", "sub", 160), ("C", "2025-03-12", "sub", 50), ("D", "2025-03-15", "sub", 60), ("E", "2025-03-20", "sub", 30),
        ("A", "2025-04-05", "sub", 160), ("C", "2025-04-12", "sub", 80), ("E", "2025-04-03", "sub", 10), ("E", "2025-04-25", "sub", 20),
        ("F", "2025-04-18", "sub", 90),
    ];

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv("id,plan,signup", "A,pro,2024-01-01", "B,basic,2024-01-01", "C,pro,2024-01-01", "D,basic,2024-01-01",
            "E,pro,2024-01-01", "F,basic,2024-01-01")),
        ("invoices.csv", Csv(["id,customer_id,issued,kind,amount",
            .. Invoices.Select((x, i) => string.Create(CultureInfo.InvariantCulture, $"i{i},{x.Entity},{x.Issued},{x.Kind},{x.Amount}"))])));

    [Fact]
    public void Mrr_paying_and_arpa_count_recurring_rows_only()
    {
        ResultTable t = _w.Query("mrr(invoices), paying(invoices), arpa(invoices) by month", "2025-02-01", "2025-04-30");
        // February: A 110 + B 120 + C 50 + D 60 + E 30 = 370 (the setup fee, add-on and refund are left out); 5 paying.
        Assert.Equal(370.0, t.Number("mrr(invoices)", "2025-02-01")!.Value, 9);
        Assert.Equal(5L, t.Count("paying(invoices)", "2025-02-01"));
        Assert.Equal(74.0, t.Number("arpa(invoices)", "2025-02-01")!.Value, 9);
        // March: 160 + 50 + 60 + 30 = 300 over 4. April: A 160 + C 80 + E (10 + 20) + F 90 = 360 over 4 (E's two rows are one entity).
        Assert.Equal(300.0, t.Number("mrr(invoices)", "2025-03-01")!.Value, 9);
        Assert.Equal(75.0, t.Number("arpa(invoices)", "2025-03-01")!.Value, 9);
        Assert.Equal(360.0, t.Number("mrr(invoices)", "2025-04-01")!.Value, 9);
        Assert.Equal(4L, t.Count("paying(invoices)", "2025-04-01"));
        Assert.Equal(90.0, t.Number("arpa(invoices)", "2025-04-01")!.Value, 9);
    }

    [Fact]
    public void Movements_of_the_hand_worked_months()
    {
        ResultTable t = _w.Query(Movements + " by month", "2025-02-01", "2025-04-30");
        // February (m-1 = January, read though outside the period): C new 50; D reactivation 60 (paid in December);
        // A expansion 110 - 100; B contraction 200 - 120; nobody churned.
        ExpectMovements(t, "2025-02-01", 50, 60, 10, 80, 0);
        // March: A expansion 50; B churned 120.
        ExpectMovements(t, "2025-03-01", 0, 0, 50, 0, 120);
        // April: F new 90; C expansion 30; D churned 60; E 10 + 20 = 30 = March, no movement.
        ExpectMovements(t, "2025-04-01", 90, 0, 30, 0, 60);
    }

    [Fact]
    public void Mrr_moves_by_its_movements_from_month_to_month()
    {
        ResultTable t = _w.Query("mrr(invoices), " + Movements + " by month", "2025-01-01", "2025-05-31");
        for (int i = 1; i < t.Rows.Count; i++)
        {
            DateOnly month = (DateOnly)t.Rows[i][0]!;
            double N(string column, int row) => Assert.IsType<double>(t.Rows[row][t.IndexOf(column)]);
            double expected = N("mrr(invoices)", i - 1) + N("mrr_new(invoices)", i) + N("mrr_reactivation(invoices)", i)
                              + N("mrr_expansion(invoices)", i) - N("mrr_contraction(invoices)", i) - N("mrr_churned(invoices)", i);
            Assert.True(Math.Abs(expected - N("mrr(invoices)", i)) < 1e-9, $"identity fails in {month}: {expected} vs {N("mrr(invoices)", i)}");
        }
        // May has no invoices at all: MRR 0 (not null), and everything paying in April churns: 360.
        Assert.Equal(0.0, t.Number("mrr(invoices)", "2025-05-01"));
        Assert.Equal(360.0, t.Number("mrr_churned(invoices)", "2025-05-01")!.Value, 9);
    }

    [Fact]
    public void Churn_and_retention_ratios_of_the_hand_worked_months()
    {
        ResultTable t = _w.Query(Ratios + " by month", "2025-02-01", "2025-04-30");
        // February over January's 330: churn (0 + 80) / 330; net (80 - 10 - 60) / 330; grr (100 + 120 + 30) / 330; nrr (110 + 120 + 30) / 330.
        ExpectRatios(t, "2025-02-01", 8000.0 / 330, 1000.0 / 330, 25000.0 / 330, 26000.0 / 330);
        // March over February's 370: churn 120; net 120 - 50; grr 110 + 0 + 50 + 60 + 30; nrr 160 + 0 + 50 + 60 + 30.
        ExpectRatios(t, "2025-03-01", 12000.0 / 370, 7000.0 / 370, 25000.0 / 370, 30000.0 / 370);
        // April over March's 300: churn 60 (D); net 60 - 30; grr 160 + 50 + 0 + 30; nrr 160 + 80 + 0 + 30 (F is new, not in nrr).
        ExpectRatios(t, "2025-04-01", 20.0, 10.0, 80.0, 90.0);
        for (int i = 0; i < t.Rows.Count; i++)
            Assert.Equal(100.0 - (double)t.Rows[i][t.IndexOf("mrr_churn(invoices)")]!, (double)t.Rows[i][t.IndexOf("grr(invoices)")]!, 9);
    }

    [Fact]
    public void Every_month_matches_an_independent_computation()
    {
        ResultTable t = _w.Query(All + " by month", "2024-12-01", "2025-05-31");
        Assert.Equal(6, t.Rows.Count);
        foreach (object?[] row in t.Rows)
        {
            DateOnly month = (DateOnly)row[0]!;
            Month m = Month.Of(Invoices, month);
            string key = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(m.Mrr, t.Number("mrr(invoices)", key)!.Value, 9);
            Assert.Equal(m.Paying, t.Count("paying(invoices)", key));
            Near(m.Arpa, t.Number("arpa(invoices)", key));
            Assert.Equal(m.New, t.Number("mrr_new(invoices)", key)!.Value, 9);
            Assert.Equal(m.Reactivation, t.Number("mrr_reactivation(invoices)", key)!.Value, 9);
            Assert.Equal(m.Expansion, t.Number("mrr_expansion(invoices)", key)!.Value, 9);
            Assert.Equal(m.Contraction, t.Number("mrr_contraction(invoices)", key)!.Value, 9);
            Assert.Equal(m.Churned, t.Number("mrr_churned(invoices)", key)!.Value, 9);
            Near(m.Ratio(m.Churned + m.Contraction), t.Number("mrr_churn(invoices)", key));
            Near(m.Ratio(m.Churned + m.Contraction - m.Expansion - m.Reactivation), t.Number("net_mrr_churn(invoices)", key));
            Near(m.Ratio(m.Kept), t.Number("grr(invoices)", key));
            Near(m.Ratio(m.FromPrevious), t.Number("nrr(invoices)", key));
        }
    }

    [Fact]
    public void Ratios_over_a_month_before_without_revenue_are_null_and_amounts_are_0()
    {
        // November 2024: nothing before it, nothing in it: mrr 0, paying 0, movements 0, arpa and every ratio null.
        ResultTable t = _w.Query(All, "2024-11-01", "2024-11-30");
        Assert.Equal(0.0, t.Single("mrr(invoices)"));
        Assert.Equal(0.0, t.Single("paying(invoices)")); // ungrouped, a monthly count is the mean of its months
        Assert.Null(t.Single("arpa(invoices)"));
        foreach (string movement in Movements.Split(", "))
            Assert.Equal(0.0, t.Single(movement));
        foreach (string ratio in Ratios.Split(", "))
            Assert.Null(t.Single(ratio));
    }

    [Fact]
    public void A_quarter_is_the_mean_of_its_months_in_the_period()
    {
        ResultTable t = _w.Query("mrr(invoices), paying(invoices), nrr(invoices), mrr_expansion(invoices) by quarter", "2025-02-01", "2025-04-30");
        // Q1 holds February and March of the period; Q2 holds April.
        Assert.Equal((370.0 + 300) / 2, t.Number("mrr(invoices)", "2025-01-01")!.Value, 9);
        Assert.Equal((5.0 + 4) / 2, t.Number("paying(invoices)", "2025-01-01")!.Value, 9);
        Assert.Equal((26000.0 / 330 + 30000.0 / 370) / 2, t.Number("nrr(invoices)", "2025-01-01")!.Value, 9);
        Assert.Equal((10.0 + 50) / 2, t.Number("mrr_expansion(invoices)", "2025-01-01")!.Value, 9);
        Assert.Equal(360.0, t.Number("mrr(invoices)", "2025-04-01")!.Value, 9);
        Assert.Equal(90.0, t.Number("nrr(invoices)", "2025-04-01")!.Value, 9);

        ResultTable whole = _w.Query("mrr(invoices), grr(invoices)", "2025-02-01", "2025-04-30");
        Assert.Equal((370.0 + 300 + 360) / 3, whole.Single("mrr(invoices)")!.Value, 9);
        Assert.Equal((25000.0 / 330 + 25000.0 / 370 + 80) / 3, whole.Single("grr(invoices)")!.Value, 9);
    }

    [Fact]
    public void Revenue_by_a_linked_field_and_with_a_metric_where()
    {
        ResultTable t = _w.Query("mrr(invoices), mrr_churned(invoices) by month, customer.plan", "2025-03-01", "2025-03-31");
        // March: pro A 160 + C 50 + E 30 = 240; basic D 60, and B's 120 of February churned.
        Assert.Equal(240.0, t.Number("mrr(invoices)", "2025-03-01", "pro")!.Value, 9);
        Assert.Equal(60.0, t.Number("mrr(invoices)", "2025-03-01", "basic")!.Value, 9);
        Assert.Equal(120.0, t.Number("mrr_churned(invoices)", "2025-03-01", "basic")!.Value, 9);
        Assert.Equal(0.0, t.Number("mrr_churned(invoices)", "2025-03-01", "pro"));

        // The query's where reaches the plan through the link; B's churn is basic, so pro loses nothing in March.
        ResultTable pro = _w.Query("mrr(invoices), mrr_churned(invoices), nrr(invoices) by quarter where customer.plan = \"pro\"", "2025-02-01", "2025-04-30");
        // pro MRR: February A 110 + C 50 + E 30 = 190, March 240, April A 160 + C 80 + E 30 = 270.
        Assert.Equal((190.0 + 240) / 2, pro.Number("mrr(invoices)", "2025-01-01")!.Value, 9);
        Assert.Equal(0.0, pro.Number("mrr_churned(invoices)", "2025-01-01"));
        // nrr: February (110 + 30) / (100 + 30) (C is new), March 240 / 190; April 270 / 240.
        Assert.Equal((14000.0 / 130 + 24000.0 / 190) / 2, pro.Number("nrr(invoices)", "2025-01-01")!.Value, 9);
        Assert.Equal(27000.0 / 240, pro.Number("nrr(invoices)", "2025-04-01")!.Value, 9);

        ResultTable plans = _w.Query("mrr(invoices) by quarter, customer.plan", "2025-02-01", "2025-04-30");
        Assert.Equal((370.0 - 190 + 300 - 240) / 2, plans.Number("mrr(invoices)", "2025-01-01", "basic")!.Value, 9);
        Assert.Equal(90.0, plans.Number("mrr(invoices)", "2025-04-01", "basic")!.Value, 9); // F only

        // A metric's own where applies to it alone, even next to an unfiltered revenue metric in one query.
        ResultTable both = _w.Query("mrr_pro, mrr(invoices) by month", "2025-03-01", "2025-03-31");
        Assert.Equal(240.0, both.Number("mrr_pro", "2025-03-01")!.Value, 9);
        Assert.Equal(300.0, both.Number("mrr(invoices)", "2025-03-01")!.Value, 9);
    }

    private static void ExpectMovements(ResultTable t, string month, double added, double reactivated, double expanded, double contracted, double churned)
    {
        Assert.Equal(added, t.Number("mrr_new(invoices)", month)!.Value, 9);
        Assert.Equal(reactivated, t.Number("mrr_reactivation(invoices)", month)!.Value, 9);
        Assert.Equal(expanded, t.Number("mrr_expansion(invoices)", month)!.Value, 9);
        Assert.Equal(contracted, t.Number("mrr_contraction(invoices)", month)!.Value, 9);
        Assert.Equal(churned, t.Number("mrr_churned(invoices)", month)!.Value, 9);
    }

    private static void ExpectRatios(ResultTable t, string month, double churn, double netChurn, double grr, double nrr)
    {
        Assert.Equal(churn, t.Number("mrr_churn(invoices)", month)!.Value, 9);
        Assert.Equal(netChurn, t.Number("net_mrr_churn(invoices)", month)!.Value, 9);
        Assert.Equal(grr, t.Number("grr(invoices)", month)!.Value, 9);
        Assert.Equal(nrr, t.Number("nrr(invoices)", month)!.Value, 9);
    }

    private static void Near(double? expected, double? actual)
    {
        if (expected is null) Assert.Null(actual);
        else Assert.Equal(expected.Value, Assert.NotNull(actual), 9);
    }

    public void Dispose() => _w.Dispose();

    /// <summary>One month's revenue by the definitions of metrics.md, computed in plain C# from the invoice list.</summary>
    private sealed record Month(double Mrr, long Paying, double? Arpa, double New, double Reactivation, double Expansion,
        double Contraction, double Churned, double Previous, double Kept, double FromPrevious)
    {
        public double? Ratio(double numerator) => Previous == 0 ? null : 100 * numerator / Previous;

        public static Month Of(IEnumerable<(string Entity, string Issued, string Kind, double Amount)> invoices, DateOnly month)
        {
            var recurring = invoices.Where(x => x.Kind == "sub").Select(x => (x.Entity, Month: Start(Day(x.Issued)), x.Amount)).ToArray();
            double Mrr(string entity, DateOnly m) => recurring.Where(x => x.Entity == entity && x.Month == m).Sum(x => x.Amount);
            double mrr = 0, added = 0, reactivated = 0, expanded = 0, contracted = 0, churned = 0, previous = 0, kept = 0, fromPrevious = 0;
            long paying = 0;
            foreach (string entity in recurring.Select(x => x.Entity).Distinct())
            {
                double p = Mrr(entity, month.AddMonths(-1)), q = Mrr(entity, month);
                bool earlier = recurring.Any(x => x.Entity == entity && x.Month < month);
                mrr += q;
                if (q > 0) paying++;
                if (p == 0 && q > 0) { if (earlier) reactivated += q; else added += q; }
                if (p > 0 && q > p) expanded += q - p;
                if (q > 0 && q < p) contracted += p - q;
                if (p > 0 && q == 0) churned += p;
                if (p > 0) { previous += p; kept += Math.Min(p, q); fromPrevious += q; }
            }
            return new Month(mrr, paying, paying == 0 ? null : mrr / paying, added, reactivated, expanded, contracted, churned, previous, kept, fromPrevious);
        }

        private static DateOnly Start(DateOnly day) => new(day.Year, day.Month, 1);
    }
}

public sealed class RevenueMetricsTestsOnDuckDb() : RevenueMetricsTests(TestEngine.DuckDb);

public sealed class RevenueMetricsTestsOnPostgres() : RevenueMetricsTests(TestEngine.Postgres);
