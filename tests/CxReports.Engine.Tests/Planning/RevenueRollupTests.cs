using System.Globalization;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// The revenue rollup made at load (entity × month MRR, paired with the month before and the first paid month)
/// gives every revenue measure exactly as computed from the invoices: on generated invoices (several rows, zero and
/// negative amounts in a month, pauses, returns, entities without a plan), by month, quarter, a linked field, with a
/// query's and a metric's where, over periods that start at, inside and after the data. A query without dimensions
/// or filters reads the month totals made from the rollup, with the same figures. A query that needs the invoices'
/// own columns reads the invoices; a reload replaces the rollup and its totals.
/// </summary>
public abstract class RevenueRollupTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = RevenueMetricsTests.Model + """

        metric new_pro = mrr_new(invoices) where invoices.customer.plan = "pro"
        """;

    private const string All = "mrr(invoices), paying(invoices), arpa(invoices), mrr_new(invoices), mrr_reactivation(invoices), " +
                               "mrr_expansion(invoices), mrr_contraction(invoices), mrr_churned(invoices), mrr_churn(invoices), " +
                               "net_mrr_churn(invoices), grr(invoices), nrr(invoices)";

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv(["id,plan,signup", .. Enumerable.Range(0, 30).Select(i => $"c{i},{(i % 3 == 0 ? "pro" : i % 3 == 1 ? "basic" : "")},2023-01-01")])),
        ("invoices.csv", Csv(["id,customer_id,issued,kind,amount", .. Generated(seed: 7)])));

    /// <summary>
    /// Thirty customers over 2024-01 .. 2025-12: each month a customer pays or pauses; some pay twice in a month,
    /// some pay nothing (0) or get a refund on the subscription (negative), and every month brings other kinds too.
    /// Customer c29 is unknown to the customers file's plans (no plan), and c30 is not in it at all.
    /// </summary>
    private static IEnumerable<string> Generated(int seed)
    {
        var random = new Random(seed);
        var id = 0;
        for (var month = new DateOnly(2024, 1, 1); month < new DateOnly(2026, 1, 1); month = month.AddMonths(1))
            for (var c = 0; c <= 30; c++)
            {
                var roll = random.Next(10);
                if (roll < 3) continue; // a pause
                var amount = roll switch { 3 => 0, 4 => -20, _ => 10 * random.Next(1, 20) };
                yield return string.Create(CultureInfo.InvariantCulture, $"i{id++},c{c},{month.AddDays(random.Next(28)):yyyy-MM-dd},sub,{amount}");
                if (roll == 9) yield return string.Create(CultureInfo.InvariantCulture, $"i{id++},c{c},{month.AddDays(27):yyyy-MM-dd},sub,{5 * random.Next(1, 9)}");
                if (roll == 8) yield return string.Create(CultureInfo.InvariantCulture, $"i{id++},c{c},{month.AddDays(3):yyyy-MM-dd},setup,500");
            }
    }

    [Theory]
    [InlineData(All + " by month", "2024-01-01", "2025-12-31")]
    [InlineData(All + " by month", "2024-07-01", "2025-06-30")]
    [InlineData(All + " by month", "2025-11-15", "2026-03-31")]
    [InlineData(All + " by quarter", "2024-02-10", "2025-08-20")]
    [InlineData(All, "2024-05-01", "2025-04-30")]
    [InlineData(All + " by month, customer.plan", "2024-03-01", "2025-02-28")]
    [InlineData(All + " by quarter where customer.plan = \"pro\"", "2024-01-01", "2025-12-31")]
    [InlineData("mrr_pro, new_pro, mrr(invoices), mrr_new(invoices), nrr(invoices) by month", "2024-06-01", "2025-05-31")]
    [InlineData("arpa(invoices), mrr(invoices) by customer.plan", "2024-01-01", "2024-12-31")]
    public void Every_measure_from_the_rollup_equals_the_computation_from_the_invoices(string query, string from, string to) =>
        AssertRollupEqualsInvoices(_w, query, from, to);

    [Theory]
    [InlineData(All + " by month", "2024-01-01", "2025-12-31")]
    [InlineData(All + " by month", "2025-11-15", "2026-03-31")]
    [InlineData(All + " by quarter", "2024-02-10", "2025-08-20")]
    [InlineData(All, "2024-05-01", "2025-04-30")]
    [InlineData(All, "2023-06-01", "2024-03-31")]
    public void A_query_without_dimensions_or_filters_reads_the_month_totals_and_equals_the_computation_from_the_invoices(string query, string from, string to)
    {
        PlannedQuery summed = _w.Plan(query, from, to, rollups: true);
        Assert.Contains(_w.Rollups["invoices:months"], summed.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(_w.Rollups["invoices"], summed.Sql, StringComparison.Ordinal);
        ResultReading.AssertSameRows(_w.Execute(_w.Plan(query, from, to), query), _w.Execute(summed, query));
    }

    [Theory]
    [InlineData("mrr(invoices) by customer.plan")]
    [InlineData("mrr(invoices) by month where customer.plan = \"pro\"")]
    [InlineData("mrr_pro, mrr(invoices) by month")]
    [InlineData("mrr(invoices) by month where invoices.kind = \"sub\"")]
    public void A_query_by_a_dimension_or_with_a_filter_does_not_read_the_month_totals(string query)
    {
        // The totals sum every entity of a month: a plan, a filter or a metric's where needs the entities apart.
        PlannedQuery plan = _w.Plan(query, "2024-01-01", "2024-12-31", rollups: true);
        Assert.DoesNotContain(RevenueTotals.Prefix(_w.Model.Sources["invoices"]), plan.Sql, StringComparison.Ordinal);
    }

    /// <summary>The generated data with the plan declared as a closed list: the rollup carries it.</summary>
    private MetricWarehouse WithClosedPlans() => Load(Model.Replace("column plan\n", "column plan in (\"pro\", \"basic\")\n", StringComparison.Ordinal),
        ("customers.csv", Csv(["id,plan,signup", .. Enumerable.Range(0, 30).Select(i => $"c{i},{(i % 3 == 0 ? "pro" : i % 3 == 1 ? "basic" : "")},2023-01-01")])),
        ("invoices.csv", Csv(["id,customer_id,issued,kind,amount", .. Generated(seed: 7)])));

    [Theory]
    [InlineData(All + " by month, customer.plan", "2024-03-01", "2025-02-28")]
    [InlineData(All + " by quarter where customer.plan = \"pro\"", "2024-01-01", "2025-12-31")]
    [InlineData("mrr_pro, new_pro, mrr(invoices), mrr_new(invoices), nrr(invoices) by month", "2024-06-01", "2025-05-31")]
    [InlineData("arpa(invoices), mrr(invoices) by customer.plan", "2024-01-01", "2024-12-31")]
    public void A_rollup_that_carries_the_plan_reads_no_join_and_equals_the_computation_from_the_invoices(string query, string from, string to)
    {
        using MetricWarehouse w = WithClosedPlans();
        Assert.DoesNotContain("\"customers\"", w.Plan(query, from, to, rollups: true).Sql, StringComparison.Ordinal);
        AssertRollupEqualsInvoices(w, query, from, to);
    }

    [Fact]
    public void A_field_without_a_closed_list_of_values_is_joined_from_the_entities()
    {
        // Here the plan is any text: the rollup does not carry it, and reads it through the link.
        PlannedQuery plan = _w.Plan("mrr(invoices) by customer.plan", "2024-01-01", "2024-12-31", rollups: true);
        Assert.Contains(_w.Rollups["invoices"], plan.Sql, StringComparison.Ordinal);
        Assert.Contains("JOIN \"customers\"", plan.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reload_of_the_entities_replaces_the_rollup_that_carries_their_plan()
    {
        using MetricWarehouse w = Load(RevenueMetricsTests.Model.Replace("column plan\n", "column plan in (\"pro\", \"basic\")\n", StringComparison.Ordinal),
            ("customers.csv", Csv("id,plan,signup", "A,pro,2024-01-01", "B,basic,2024-01-01")),
            ("invoices.csv", Csv("id,customer_id,issued,kind,amount", "i1,A,2024-01-05,sub,100", "i2,B,2024-01-06,sub,30")));
        string before = w.Rollups["invoices"];
        Assert.Equal(100.0, w.Query("mrr(invoices) by customer.plan", "2024-01-01", "2024-01-31", rollups: true).Number("mrr(invoices)", "pro"));

        // A moves to basic: the rollup made with A on pro is not read again; basic now has 100 + 30.
        w.Reload("customers.csv", Csv("id,plan,signup", "A,basic,2024-01-01", "B,basic,2024-01-01"));
        Assert.NotEqual(before, w.Rollups["invoices"]);
        Assert.False(w.HasTable(before));
        ResultTable t = w.Query("mrr(invoices) by customer.plan", "2024-01-01", "2024-01-31", rollups: true);
        Assert.Equal(130.0, t.Number("mrr(invoices)", "basic"));
        Assert.DoesNotContain(t.Rows, r => Equals(r[0], "pro"));
    }

    private static void AssertRollupEqualsInvoices(MetricWarehouse w, string query, string from, string to)
    {
        // The entity-month rollup alone (a query without dimensions or filters would read the month totals: RevenueTotalsTests).
        PlannedQuery rolled = w.Plan(query, from, to, rollups: true, totals: false);
        Assert.Contains(w.Rollups["invoices"], rolled.Sql, StringComparison.Ordinal);
        PlannedQuery direct = w.Plan(query, from, to);
        Assert.DoesNotContain(RevenueRollup.Prefix(w.Model.Sources["invoices"]), direct.Sql, StringComparison.Ordinal);

        ResultReading.AssertSameRows(w.Execute(direct, query), w.Execute(rolled, query));
    }

    [Fact]
    public void A_query_on_the_invoices_own_columns_reads_the_invoices()
    {
        // The invoice's kind is not constant per customer, so months of a customer cannot be kept or dropped whole.
        PlannedQuery plan = _w.Plan("mrr(invoices) by month where invoices.kind = \"sub\"", "2024-01-01", "2024-12-31", rollups: true);
        Assert.DoesNotContain(_w.Rollups["invoices"], plan.Sql, StringComparison.Ordinal);
        ResultTable t = _w.Execute(plan, "mrr by month where kind");
        Assert.Equal(_w.Query("mrr(invoices) by month", "2024-01-01", "2024-12-31").Rows.Select(r => r[1]), t.Rows.Select(r => r[1]));
    }

    [Fact]
    public void A_reload_replaces_the_rollup_and_the_old_one_is_not_read()
    {
        string before = _w.Rollups["invoices"], totalsBefore = _w.Rollups["invoices:months"];
        _w.Reload("invoices.csv", Csv(["id,customer_id,issued,kind,amount", "i1,c1,2024-01-05,sub,100", "i2,c1,2024-02-05,sub,70"]));

        string after = _w.Rollups["invoices"];
        Assert.NotEqual(before, after);
        Assert.False(_w.HasTable(before));
        Assert.False(_w.HasTable(totalsBefore));
        Assert.Contains(_w.Rollups["invoices:months"], _w.Plan("mrr(invoices) by month", "2024-02-01", "2024-02-29", rollups: true).Sql, StringComparison.Ordinal);
        // February: c1's 100 contracted to 70.
        ResultTable t = _w.Query("mrr(invoices), mrr_contraction(invoices) by month", "2024-02-01", "2024-02-29", rollups: true);
        Assert.Equal(70.0, t.Number("mrr(invoices)", "2024-02-01"));
        Assert.Equal(30.0, t.Number("mrr_contraction(invoices)", "2024-02-01"));
    }

    [Fact]
    public void A_source_whose_name_is_near_the_engines_identifier_limit_has_its_rollup_read()
    {
        // 60 characters: with "__mrr_" and a 16-digit hash it would pass PostgreSQL's 63 bytes and be cut short.
        string name = "invoices_of_every_customer_since_the_company_began_trading_x";
        using MetricWarehouse w = Load(RevenueMetricsTests.Model.Replace("mrr_pro = mrr(invoices)", $"mrr_pro = mrr({name})")
                .Replace("source invoices from", $"source {name} from").Replace("invoices.customer", $"{name}.customer"),
            ("customers.csv", Csv("id,plan,signup", "A,pro,2024-01-01")),
            ("invoices.csv", Csv("id,customer_id,issued,kind,amount", "i1,A,2024-01-05,sub,100", "i2,A,2024-02-05,sub,130")));

        string rollup = w.Rollups[name];
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(rollup) <= 63);
        PlannedQuery plan = w.Plan($"mrr({name}), mrr_expansion({name}) by month", "2024-02-01", "2024-02-29", rollups: true, totals: false);
        Assert.Contains(rollup, plan.Sql, StringComparison.Ordinal);
        foreach (PlannedQuery read in new[] { plan, w.Plan($"mrr({name}), mrr_expansion({name}) by month", "2024-02-01", "2024-02-29", rollups: true) })
        {
            ResultTable t = w.Execute(read, "expansion");
            Assert.Equal(130.0, t.Number($"mrr({name})", "2024-02-01"));
            Assert.Equal(30.0, t.Number($"mrr_expansion({name})", "2024-02-01"));
        }
        string totals = w.Rollups[$"{name}:months"];
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(totals) <= 63);
        Assert.Contains(totals, w.Plan($"mrr({name}) by month", "2024-02-01", "2024-02-29", rollups: true).Sql, StringComparison.Ordinal);
    }

    public void Dispose() => _w.Dispose();
}

public sealed class RevenueRollupTestsOnDuckDb() : RevenueRollupTests(TestEngine.DuckDb);

public sealed class RevenueRollupTestsOnPostgres() : RevenueRollupTests(TestEngine.Postgres);
