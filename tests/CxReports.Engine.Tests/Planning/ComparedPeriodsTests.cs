using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// A KPI block and its previous period computed by one statement give exactly what one statement per period gives,
/// for every kind of metric of the sample reports' KPI blocks: survey scores and counts (nps, nps_margin, csat, ces),
/// a median of elapsed times, lifecycle counts, a snapshot at the period's end, the monthly churn rate, revenue
/// (ARPA, from the invoices and from the rollup) and the LTVs made of them. On generated data (customers who start and
/// leave on period edges, one whose churn is dated before their signup, answers and tickets around local midnights),
/// in zones with and without daylight saving, over whole months, a period that ends inside a month, and one whose
/// as-of date is inside it. Where one statement would not be exact (a period beginning inside a month, with monthly
/// quantities) the planner declines it.
/// </summary>
public abstract class ComparedPeriodsTests(TestEngine engine) : EngineTests(engine), IDisposable
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
        source invoices from "invoices.csv" {
          key id
          link customer = customer_id -> customers
          time issued: date
          column kind
          column amount: decimal
          recurring amount per month where kind = "sub"
        }
        source responses from "responses.csv" {
          key id
          link customer = customer_id -> customers
          time responded_at: timestamp
          column score: integer
          column csat: integer
          column ces: integer
        }
        source tickets from "tickets.csv" {
          key id
          time opened_at: timestamp
          time first_response_at: timestamp
        }
        metric responses_n = count(responses)
        metric nps = nps(responses.score)
        metric nps_margin = nps_margin(responses.score)
        metric csat = csat(responses.csat)
        metric ces = ces(responses.ces)
        metric customers_active = active(customers)
        metric churned_customers = churned(customers)
        metric churn = churn_rate(customers) per month
        metric arpa = arpa(invoices) per month
        metric ltv = ltv(value: arpa, churn: churn, margin: 80%)
        metric ltv_discounted = ltv(value: arpa, churn: churn, margin: 80%, discount: 10% per year)
        metric first_response_h = median(hours(tickets.first_response_at - tickets.opened_at))
        """;

    /// <summary>The KPI blocks of the sample reports (reports/*.cxr), each compared with the previous period, and the inputs of the measured scenario.</summary>
    public static readonly string[] SampleKpis =
    [
        "nps, nps_margin, responses_n",            // advocacy
        "customers_active, nps, churn, csat",      // customer_success
        "ltv, churn, csat, nps",                   // cx_roi
        "churn, churned_customers",                // experience
        "first_response_h, csat, ces",             // experience
        "ltv, ltv_discounted, arpa, churn",        // retention_value
        "arpa, churn, responses_n",                // cx_roi's measured scenario: value, churn, a cost of row aggregates
    ];

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv(["id,plan,signup", .. Customers().Select(c => $"{c.Id},{c.Plan},{c.Signup:yyyy-MM-dd}")])),
        ("churns.csv", Csv(["customer_id,left_at", .. Customers().Where(c => c.Left is not null).Select(c => $"{c.Id},{c.Left:yyyy-MM-dd}")])),
        ("invoices.csv", Csv(["id,customer_id,issued,kind,amount", .. Invoices()])),
        ("responses.csv", Csv(["id,customer_id,responded_at,score,csat,ces", .. Responses()])),
        ("tickets.csv", Csv(["id,opened_at,first_response_at", .. Tickets()])));

    private static readonly DateOnly First = new(2024, 1, 1);

    /// <summary>
    /// Eighty customers signing up over 2024-01 .. 2025-10, many on the first or last day of a month (period edges),
    /// half of them leaving later, two (c7, c9) with a churn dated before their signup.
    /// </summary>
    private static IEnumerable<(string Id, string Plan, DateOnly Signup, DateOnly? Left)> Customers()
    {
        var random = new Random(11);
        for (var i = 0; i < 80; i++)
        {
            var month = First.AddMonths(random.Next(22));
            var signup = random.Next(3) switch { 0 => month, 1 => month.AddMonths(1).AddDays(-1), _ => month.AddDays(random.Next(28)) };
            DateOnly? left = random.Next(2) == 0 ? null : signup.AddDays(random.Next(1, 400));
            // Churns dated before the signup, across the start of a period tested: in a period alone the customer is
            // in neither (left before the earlier one ended, signed up after it), so neither counts them.
            (signup, left) = i switch
            {
                7 => (new DateOnly(2025, 1, 15), new DateOnly(2024, 12, 20)),
                9 => (new DateOnly(2024, 11, 10), new DateOnly(2024, 10, 25)),
                _ => (signup, left),
            };
            yield return ($"c{i}", i % 2 == 0 ? "pro" : "basic", signup, left);
        }
    }

    /// <summary>A subscription invoice most months of each customer's life (some months two, some paused), and other kinds.</summary>
    private static IEnumerable<string> Invoices()
    {
        var random = new Random(12);
        var id = 0;
        foreach (var c in Customers())
            for (var month = new DateOnly(c.Signup.Year, c.Signup.Month, 1); month < (c.Left ?? new DateOnly(2026, 1, 1)); month = month.AddMonths(1))
            {
                if (random.Next(6) == 0) continue;
                yield return string.Create(CultureInfo.InvariantCulture, $"i{id++},{c.Id},{month.AddDays(random.Next(28)):yyyy-MM-dd},sub,{10 * random.Next(1, 30)}");
                if (random.Next(5) == 0) yield return string.Create(CultureInfo.InvariantCulture, $"i{id++},{c.Id},{month.AddDays(27):yyyy-MM-dd},sub,{5 * random.Next(1, 9)}");
                if (random.Next(7) == 0) yield return $"i{id++},{c.Id},{month.AddDays(2):yyyy-MM-dd},setup,500";
            }
    }

    /// <summary>Instants around local midnights of the zones tested (UTC, +03:00, -05:00/-04:00), on and off the first of a month.</summary>
    private static DateTime Instant(Random random)
    {
        var day = First.AddDays(random.Next(730)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (random.Next(2) == 0) day = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return day.AddHours(random.Next(3) switch { 0 => 0, 1 => -3, _ => random.Next(2) == 0 ? 4 : 5 }).AddSeconds(random.Next(-90, 90));
    }

    private static IEnumerable<string> Responses()
    {
        var random = new Random(13);
        string Blank(int value) => random.Next(5) == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 900; i++)
            yield return $"r{i},c{random.Next(80)},{Instant(random):yyyy-MM-ddTHH:mm:ssZ},{random.Next(11)},{Blank(random.Next(1, 6))},{Blank(random.Next(1, 8))}";
    }

    private static IEnumerable<string> Tickets()
    {
        var random = new Random(14);
        for (var i = 0; i < 500; i++)
        {
            var opened = Instant(random);
            var answered = random.Next(6) == 0 ? "" : opened.AddMinutes(random.Next(1, 3000)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            yield return $"t{i},{opened:yyyy-MM-ddTHH:mm:ssZ},{answered}";
        }
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Istanbul")]
    [InlineData("America/New_York")]
    public void Both_periods_in_one_statement_equal_one_statement_per_period(string zone)
    {
        // Whole months (the previous period is whole months too), a period ending inside a month (the previous one
        // then begins inside one), and a period whose as-of date (today) is inside it; with and without the rollup.
        (string From, string To, string Today)[] periods =
        [
            ("2025-01-01", "2025-06-30", "2025-06-30"),
            ("2025-02-01", "2025-05-17", "2025-05-17"),
            ("2024-11-01", "2025-10-31", "2025-08-20"),
        ];
        foreach (var kpi in SampleKpis)
            foreach (var (from, to, today) in periods)
                foreach (var rollups in new[] { false, true })
                {
                    var (both, earlier, current) = Plans(kpi, from, to, today, zone, rollups);
                    var what = $"{kpi} over {from} .. {to} (today {today}) in {zone}{(rollups ? ", rollup" : "")}";
                    Assert.True(both is not null, $"{what}: not planned as one statement");
                    Assert.True(both.BothPeriods);
                    ResultTable one = _w.Execute(both, kpi);
                    Assert.Equal(2, one.Rows.Count);
                    AssertSameValues(_w.Execute(earlier, kpi).Rows.Single(), one.Rows[0], $"{what}, earlier period");
                    AssertSameValues(_w.Execute(current, kpi).Rows.Single(), one.Rows[1], $"{what}, current period");
                }
    }

    [Fact]
    public void The_figures_differ_between_the_periods_so_a_swapped_or_shared_row_would_show()
    {
        var (both, _, _) = Plans("customers_active, churned_customers, nps, arpa, first_response_h", "2025-01-01", "2025-06-30", "2025-06-30", "UTC", rollups: false);
        ResultTable one = _w.Execute(both!, "kpi");
        for (var i = 0; i < one.Columns.Count; i++)
            Assert.NotEqual(one.Rows[0][i], one.Rows[1][i]);
    }

    [Theory]
    [InlineData("ltv, churn, csat, nps")]
    [InlineData("ltv, ltv_discounted, arpa, churn")]
    [InlineData("churn, churned_customers")]
    public void Monthly_quantities_over_a_period_beginning_inside_a_month_are_planned_per_period(string kpi)
    {
        // The month of 2025-03-10 would belong to both periods: not exact in one statement.
        Assert.Null(Plans(kpi, "2025-03-10", "2025-06-09", "2025-06-09", "UTC", rollups: false).Both);
    }

    [Theory]
    [InlineData("nps, nps_margin, responses_n")]
    [InlineData("first_response_h, csat, ces")]
    public void Row_aggregates_over_a_period_beginning_inside_a_month_are_one_statement_and_exact(string kpi)
    {
        var (both, earlier, current) = Plans(kpi, "2025-03-10", "2025-06-09", "2025-06-09", "Europe/Istanbul", rollups: false);
        Assert.NotNull(both);
        ResultTable one = _w.Execute(both, kpi);
        AssertSameValues(_w.Execute(earlier, kpi).Rows.Single(), one.Rows[0], "earlier");
        AssertSameValues(_w.Execute(current, kpi).Rows.Single(), one.Rows[1], "current");
    }

    /// <summary>The one-statement plan (null when declined) and the two statements of the earlier and the current period.</summary>
    private (PlannedQuery? Both, PlannedQuery Earlier, PlannedQuery Current) Plans(string kpi, string from, string to, string today, string zone, bool rollups)
    {
        (BoundQuery? bound, var diagnostics) = ModelBinder.BindQuery(_w.Model, kpi);
        Assert.True(bound is not null, string.Join("\n", diagnostics));
        var current = ResolvedPeriod.Of(Day(from), Day(to), Day(today));
        var earlier = current.Previous(Day(today))!;
        var compared = ComparedPeriods.Of(earlier, current)!;
        var read = rollups ? _w.Rollups : new Dictionary<string, string>();
        Assert.True(!rollups || read.ContainsKey("invoices"));
        PlanContext Context(ResolvedPeriod period, ComparedPeriods? both) =>
            new(_w.Model, _w.Dialect, period, zone, new Dictionary<string, object?>(), []) { Rollups = read, Compared = both };
        return (new QueryPlanner(Context(compared.Span, compared)).PlanBoth(bound),
            new QueryPlanner(Context(earlier, null)).Plan(bound),
            new QueryPlanner(Context(current, null)).Plan(bound));
    }

    /// <summary>The same values, numbers to 1e-9 relative (an engine may add a sum's terms in another order).</summary>
    private static void AssertSameValues(object?[] expected, object?[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            if (expected[i] is double x && actual[i] is double y)
                Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{what}, column {i}: {x} against {y}");
            else
                Assert.True(Equals(expected[i], actual[i]), $"{what}, column {i}: {expected[i] ?? "null"} against {actual[i] ?? "null"}");
    }

    public void Dispose() => _w.Dispose();
}

public sealed class ComparedPeriodsTestsOnDuckDb() : ComparedPeriodsTests(TestEngine.DuckDb);

public sealed class ComparedPeriodsTestsOnPostgres() : ComparedPeriodsTests(TestEngine.Postgres);
