using System.Globalization;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// The lifecycle rollup made at load (each customer with its earliest churn beside it) gives every lifecycle count
/// exactly as the customers joined to their churns do: on generated customers who sign up and leave on month edges,
/// some several times (the earliest counts) and some never, by month, quarter, plan and city, ungrouped, at the end,
/// with a query's and a metric's where, over whole months and periods that begin or end inside one. A reload of the
/// churns replaces it; an end that is a timestamp (its day depends on the report's zone) gets none.
/// </summary>
public abstract class LifecycleRollupTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan in ("basic", "pro")
          column city
          time signup: date
          lifecycle signup .. churns.left_at
        }
        source churns from "churns.csv" {
          link customer = customer_id -> customers
          time left_at: date
        }
        metric customers_active = active(customers)
        metric new_customers = new(customers)
        metric churned_customers = churned(customers)
        metric logo_churn = churn_rate(customers)
        metric monthly_churn = churn_rate(customers) per month
        metric pro_churned = churned(customers) where customers.plan = "pro"
        """;

    private const string All = "customers_active, new_customers, churned_customers, logo_churn, monthly_churn, pro_churned";

    /// <summary>
    /// Ninety customers signing up over 2024-01 .. 2025-10, many on a month's first or last day; about half leave up to
    /// 400 days later, many on a month's first or last day, a third of those with a second, later churn row; c90
    /// churns without being a customer at all.
    /// </summary>
    private static IEnumerable<(string Id, string Plan, string? City, DateOnly Signup, DateOnly[] Left)> Customers()
    {
        var random = new Random(5);
        for (var i = 0; i < 90; i++)
        {
            var month = new DateOnly(2024, 1, 1).AddMonths(random.Next(22));
            var signup = random.Next(3) switch { 0 => month, 1 => month.AddMonths(1).AddDays(-1), _ => month.AddDays(random.Next(28)) };
            var gone = signup.AddDays(random.Next(1, 400));
            // Leaving on a month's first or last day as often as inside one: a bound a day off shows.
            gone = random.Next(3) switch { 0 => new DateOnly(gone.Year, gone.Month, 1), 1 => new DateOnly(gone.Year, gone.Month, 1).AddMonths(1).AddDays(-1), _ => gone };
            DateOnly[] left = random.Next(2) == 0 || gone <= signup ? [] : [gone];
            if (left.Length == 1 && random.Next(3) == 0) left = [left[0].AddDays(random.Next(1, 90)), left[0]];
            yield return ($"c{i}", random.Next(2) == 0 ? "basic" : "pro", random.Next(4) == 0 ? null : $"city{random.Next(3)}", signup, left);
        }
    }

    private static (string, string)[] Files(string model = Model) =>
    [
        ("customers.csv", Csv(["id,plan,city,signup", .. Customers().Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Id},{c.Plan},{c.City},{c.Signup:yyyy-MM-dd}"))])),
        ("churns.csv", Csv(["customer_id,left_at", .. Customers().SelectMany(c => c.Left.Select(l => string.Create(CultureInfo.InvariantCulture, $"{c.Id},{l:yyyy-MM-dd}"))), "c90,2025-03-03"])),
    ];

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model, Files());

    [Theory]
    [InlineData(All + " by month", "2025-01-01", "2025-06-30")]
    [InlineData(All + " by quarter", "2024-11-10", "2025-08-20")]
    [InlineData(All, "2025-01-01", "2025-06-30")]
    [InlineData(All, "2025-02-14", "2025-05-17")]
    [InlineData(All + " by plan", "2024-06-01", "2025-05-31")]
    [InlineData(All + " by month, city", "2025-03-01", "2025-05-31")]
    [InlineData(All + " by month where customers.plan = \"basic\"", "2024-01-01", "2025-12-31")]
    public void Every_lifecycle_count_from_the_rollup_equals_the_count_from_the_customers_and_their_churns(string query, string from, string to)
    {
        PlannedQuery rolled = _w.Plan(query, from, to, rollups: true);
        Assert.Contains(_w.Rollups["customers:ended"], rolled.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"churns\"", rolled.Sql, StringComparison.Ordinal);
        PlannedQuery direct = _w.Plan(query, from, to);
        Assert.Contains("\"churns\"", direct.Sql, StringComparison.Ordinal);
        ResultReading.AssertSameRows(_w.Execute(direct, query), _w.Execute(rolled, query));
    }

    [Fact]
    public void A_reload_of_the_churns_replaces_the_rollup_and_the_old_one_is_not_read()
    {
        string before = _w.Rollups["customers:ended"];
        // Two customers who signed up before December 2024.
        string[] early = [.. Customers().Where(c => c.Signup < new DateOnly(2024, 12, 1)).Select(c => c.Id).Take(2)];
        _w.Reload("churns.csv", Csv("customer_id,left_at", $"{early[0]},2025-02-10", $"{early[0]},2025-01-20", $"{early[1]},2025-02-28"));

        string after = _w.Rollups["customers:ended"];
        Assert.NotEqual(before, after);
        Assert.False(_w.HasTable(before));
        // February: the second leaves on the 28th; the first's earliest churn is in January (its February row is a later one).
        ResultTable t = _w.Query("churned_customers by month", "2025-01-01", "2025-02-28", rollups: true);
        Assert.Equal(1L, t.Count("churned_customers", "2025-01-01"));
        Assert.Equal(1L, t.Count("churned_customers", "2025-02-01"));
    }

    [Fact]
    public void An_end_that_is_a_timestamp_gets_no_rollup_and_is_read_from_the_churns()
    {
        // A churn at 23:30 UTC is the next day in Istanbul: the day depends on the report's zone, so no rollup holds it.
        using MetricWarehouse w = Load(Model.Replace("time left_at: date", "time left_at: timestamp", StringComparison.Ordinal), Files());
        Assert.False(w.Rollups.ContainsKey("customers:ended"));
        Assert.Contains("\"churns\"", w.Plan("churned_customers by month", "2025-01-01", "2025-06-30", rollups: true).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Customers_with_a_field_named_as_the_rollups_end_column_get_no_rollup_and_keep_their_field()
    {
        // The rollup adds cxr_ended beside the customers' columns: a field of that name would be shadowed, so none is made.
        using MetricWarehouse w = Load(Model.Replace("  column city\n", "  column city\n  column cxr_ended\n", StringComparison.Ordinal),
            ("customers.csv", Csv("id,plan,city,cxr_ended,signup", "A,pro,x,yes,2024-01-01", "B,basic,x,no,2024-01-01")),
            ("churns.csv", Csv("customer_id,left_at", "A,2024-02-10")));
        Assert.False(w.Rollups.ContainsKey("customers:ended"));
        ResultTable t = w.Query("churned_customers by cxr_ended", "2024-02-01", "2024-02-29", rollups: true);
        Assert.Equal(1L, t.Count("churned_customers", "yes"));
        Assert.Equal(0L, t.Count("churned_customers", "no"));
    }

    [Fact]
    public void A_source_whose_name_is_near_the_engines_identifier_limit_has_its_rollup_read()
    {
        string name = "customers_of_every_region_since_the_company_began_trading_xy";
        using MetricWarehouse w = Load(Model.Replace("source customers from", $"source {name} from").Replace("-> customers", $"-> {name}")
                .Replace("(customers)", $"({name})").Replace("customers.plan", $"{name}.plan"),
            ("customers.csv", Csv("id,plan,city,signup", "A,pro,x,2024-01-01", "B,basic,x,2024-01-01")),
            ("churns.csv", Csv("customer_id,left_at", "A,2024-02-10")));
        string rollup = w.Rollups[$"{name}:ended"];
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(rollup) <= 63);
        ResultTable t = w.Query("customers_active, churned_customers by month", "2024-02-01", "2024-02-29", rollups: true);
        Assert.Equal(2L, t.Count("customers_active", "2024-02-01"));
        Assert.Equal(1L, t.Count("churned_customers", "2024-02-01"));
    }

    public void Dispose() => _w.Dispose();
}

public sealed class LifecycleRollupTestsOnDuckDb() : LifecycleRollupTests(TestEngine.DuckDb);

public sealed class LifecycleRollupTestsOnPostgres() : LifecycleRollupTests(TestEngine.Postgres);
