using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using Microsoft.Extensions.Time.Testing;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// Tables of a report that count the same customers by different fields run as one statement sharing one scan
/// (GROUPING SETS), and every table is exactly what its own statement gives: new customers, the monthly churn rate,
/// customers at the end and customers lost, by a band with a null band (visits unknown), by a text field with blanks
/// (no city), by a closed list and by two fields (sets of two); each table with its own order and top N (ranked by different
/// metrics); over whole months, a period ending inside a month, one beginning inside one, and one whose as-of date
/// is inside it. On generated customers who sign up and leave on month edges, before, inside and after the periods.
/// </summary>
public abstract class SharedScanTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan in ("basic", "pro", "enterprise")
          column city
          column visits: integer
          time signup: date
          lifecycle signup .. churns.left_at
          dimension visit_band = bucket(visits, 5, 15)
        }
        source churns from "churns.csv" {
          link customer = customer_id -> customers
          time left_at: date
        }
        metric new_customers = new(customers)
        metric churn = churn_rate(customers) per month
        metric customers_active = active(customers)
        metric churned_customers = churned(customers)
        report segments {
          period 2025-01-01 .. 2025-06-30
          section "s" {
            table by_band: new_customers, churn by visit_band
            table by_city: new_customers, churn by city order by churn desc
            table by_plan: new_customers, churn by plan
            table by_band_plan: new_customers, churn by visit_band, plan
            table by_plan_city: new_customers, churn by plan, city
            table top_cities: new_customers, churn by city top 2 by new_customers
            table top_band: new_customers, churn by visit_band top 1 by churn asc
            table active_city: customers_active, churned_customers by city
            table active_plan: customers_active, churned_customers by plan
            table monthly: new_customers by month
          }
        }
        """;

    private static readonly string?[] Cities = ["İzmir", "Ankara", "Bursa", null];

    /// <summary>
    /// A hundred and twenty customers signing up over 2024-01 .. 2025-10, many on the first or last day of a month,
    /// half of them leaving 1 to 400 days later; some with no visits recorded (no band) or no city.
    /// </summary>
    private static IReadOnlyList<(string Id, string Plan, string? City, int? Visits, DateOnly Signup, DateOnly? Left)> Customers { get; } = Generate();

    private static List<(string Id, string Plan, string? City, int? Visits, DateOnly Signup, DateOnly? Left)> Generate()
    {
        var random = new Random(21);
        var customers = new List<(string, string, string?, int?, DateOnly, DateOnly?)>();
        for (var i = 0; i < 120; i++)
        {
            var month = new DateOnly(2024, 1, 1).AddMonths(random.Next(22));
            var signup = random.Next(3) switch { 0 => month, 1 => month.AddMonths(1).AddDays(-1), _ => month.AddDays(random.Next(28)) };
            DateOnly? left = random.Next(2) == 0 ? null : signup.AddDays(random.Next(1, 400));
            int? visits = random.Next(6) == 0 ? null : random.Next(25);
            customers.Add(($"c{i}", new[] { "basic", "pro", "enterprise" }[random.Next(3)], Cities[random.Next(Cities.Length)], visits, signup, left));
        }
        return customers;
    }

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv(["id,plan,city,visits,signup", .. Customers.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Id},{c.Plan},{c.City},{c.Visits},{c.Signup:yyyy-MM-dd}"))])),
        ("churns.csv", Csv(["customer_id,left_at", .. Customers.Where(c => c.Left is not null).Select(c => $"{c.Id},{c.Left:yyyy-MM-dd}")])));

    private ReportModel Report => _w.Model.Reports["segments"];

    private IReadOnlyList<BlockModel> Blocks => [.. Report.Sections.SelectMany(s => s.Blocks)];

    private static readonly IReadOnlyDictionary<string, object?> NoValues = new Dictionary<string, object?>();

    private static ReportPlanner Planner(MetricWarehouse w, string today) =>
        new(w.Model, w.Dialect, new FakeTimeProvider(Day(today).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)));

    [Theory]
    [InlineData("2025-01-01", "2025-06-30", "2025-06-30")]
    [InlineData("2025-02-01", "2025-05-17", "2025-05-17")]
    [InlineData("2025-03-10", "2025-06-09", "2025-06-09")]
    [InlineData("2024-11-01", "2025-10-31", "2025-08-20")]
    public void Every_table_of_a_shared_statement_is_what_its_own_statement_gives(string from, string to, string today)
    {
        var planner = Planner(_w, today);
        var period = ResolvedPeriod.Of(Day(from), Day(to), Day(today));
        var plans = planner.PlanAll(Report, Blocks, _ => period, NoValues);
        var executor = new QueryExecutor(_w.Warehouse, TimeSpan.FromSeconds(30));
        var shared = new Dictionary<PlannedQuery, IReadOnlyDictionary<string, ResultTable>>(ReferenceEqualityComparer.Instance);
        foreach (var block in Blocks)
        {
            var plan = plans[block]!;
            Assert.True(plan.Parts is not null || block.Id == "monthly", $"{block.Id} does not share a scan");
            if (plan.Parts is null) continue;
            if (!shared.TryGetValue(plan, out var tables)) shared[plan] = tables = executor.ExecuteParts(plan);
            var together = tables[block.Id];
            var alone = executor.Execute(planner.Plan(Report, block, period, NoValues)!);
            AssertSameTable(alone, together, $"{block.Id} over {from} .. {to}");
        }
    }

    [Fact]
    public void Tables_alike_in_their_rows_share_one_scan_of_the_customers_and_the_rest_run_alone()
    {
        var period = ResolvedPeriod.Of(Day("2025-01-01"), Day("2025-06-30"), Day("2025-06-30"));
        var plans = Planner(_w, "2025-06-30").PlanAll(Report, Blocks, _ => period, NoValues);
        string[] Shared(string block) => [.. plans[Blocks.Single(b => b.Id == block)]!.Parts!.Select(p => p.Block)];

        // New customers and churn by one field, by two, ranked (a top N); customers at the end and lost.
        Assert.Equal(["by_band", "by_city", "by_plan"], Shared("by_band"));
        Assert.Equal(["by_band_plan", "by_plan_city"], Shared("by_band_plan"));
        Assert.Equal(["top_cities", "top_band"], Shared("top_band"));
        Assert.Equal(["active_city", "active_plan"], Shared("active_plan"));
        Assert.Null(plans[Blocks.Single(b => b.Id == "monthly")]!.Parts);
        // One scan of the customers (and of their churns) for the three tables, where each of them made two (days, months).
        var sql = plans[Blocks.Single(b => b.Id == "by_band")]!.Sql;
        Assert.Equal(1, Occurrences(sql, "FROM \"customers\""));
        Assert.Equal(1, Occurrences(sql, "FROM \"churns\""));
        Assert.Equal(2, Occurrences(Planner(_w, "2025-06-30").Plan(Report, Blocks[0], period, NoValues)!.Sql, "FROM \"customers\""));
    }

    [Fact]
    public void New_customers_and_churn_by_a_band_and_by_a_text_field_are_the_hand_counted_figures()
    {
        var evaluated = new ReportEvaluator(_w.Model, _w.Warehouse, new FakeTimeProvider(new DateTimeOffset(2025, 8, 1, 12, 0, 0, TimeSpan.Zero)), TimeSpan.FromSeconds(30))
            .Evaluate(Report, new ReportRequest());
        var tables = evaluated.Sections.SelectMany(s => s.Blocks).ToDictionary(b => b.Id, b => b.Table!);
        string? Band(int? visits) => visits switch { null => null, < 5 => "<5", < 15 => "5-14", _ => "15+" };

        AssertCounted(tables["by_band"], c => Band(c.Visits), [.. Customers.Select(c => Band(c.Visits)).Distinct()]);
        AssertCounted(tables["by_city"], c => c.City, Cities);
        // The blanks are their own rows, and the bands keep their declared order with the blank band last.
        Assert.Equal(["<5", "5-14", "15+", null], tables["by_band"].Rows.Select(r => r[0]).ToArray());
        Assert.Contains(tables["by_city"].Rows, r => r[0] is null);
    }

    [Fact]
    public void A_table_of_a_shared_statement_past_the_row_limit_is_named_and_its_rows_are_counted_alone()
    {
        var period = ResolvedPeriod.Of(Day("2025-01-01"), Day("2025-06-30"), Day("2025-06-30"));
        var plan = Planner(_w, "2025-06-30").PlanAll(Report, Blocks, _ => period, NoValues)[Blocks[0]]!;
        QueryExecutor Executor(int maxRows) => new(_w.Warehouse, TimeSpan.FromSeconds(30), EvaluationLimits.Default with { MaxRows = maxRows });
        // by_band has 4 rows, by_city 4, by_plan 3 (11 together): a limit of 4 holds each of them.
        var tables = Executor(4).ExecuteParts(plan);
        Assert.Equal([4, 4, 3], new[] { "by_band", "by_city", "by_plan" }.Select(block => tables[block].Rows.Count));
        var past = Assert.Throws<ResultLimitException>(() => Executor(3).ExecuteParts(plan));
        Assert.Contains(past.Block, new[] { "by_band", "by_city" });
    }

    /// <summary>
    /// Each group's row against figures counted here from the customers of 2025-01 .. 2025-06: those signing up in
    /// it (new), and each month's customers at its start, of whom how many left during it (the rate, in percent),
    /// averaged over the months where there were customers at the start.
    /// </summary>
    private static void AssertCounted(ResultTable table, Func<(string Id, string Plan, string? City, int? Visits, DateOnly Signup, DateOnly? Left), string?> group, IReadOnlyList<string?> groups)
    {
        DateOnly from = new(2025, 1, 1), end = new(2025, 7, 1);
        // A customer of the period: signed up by its end and not gone before it started (nobody here leaves before signing up).
        var ofPeriod = Customers.Where(c => c.Signup < end && (c.Left is null || c.Left >= from)).ToList();
        var seen = ofPeriod.Select(group).Distinct().ToList();
        Assert.Equal(seen.Count, table.Rows.Count);
        foreach (var value in groups.Where(seen.Contains))
        {
            var members = ofPeriod.Where(c => group(c) == value).ToList();
            long joined = members.Count(c => c.Signup >= from && c.Signup < end);
            var rates = Enumerable.Range(0, 6).Select(m =>
            {
                var (start, next) = (from.AddMonths(m), from.AddMonths(m + 1));
                var atStart = members.Where(c => c.Signup < start && (c.Left is null || c.Left >= start)).ToList();
                return atStart.Count == 0 ? (double?)null : 100.0 * atStart.Count(c => c.Left < next) / atStart.Count;
            }).OfType<double>().ToList();
            var row = table.Row(value);
            Assert.Equal(joined, row[1]);
            if (rates.Count == 0) Assert.Null(row[2]);
            else Assert.Equal(rates.Average(), (double)row[2]!, 9);
        }
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The same columns and rows in the same order; numbers to 1e-12 relative (an engine may add a sum's terms in another order).</summary>
    private static void AssertSameTable(ResultTable expected, ResultTable actual, string what)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Type, c.Meaning)), actual.Columns.Select(c => (c.Name, c.Type, c.Meaning)));
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{what}: {expected.Rows.Count} rows against {actual.Rows.Count}\n{ResultReading.Dump(actual)}");
        Assert.True(expected.Rows.Count > 0, $"{what}: no rows to compare");
        for (var r = 0; r < expected.Rows.Count; r++)
            for (var i = 0; i < expected.Columns.Count; i++)
                if (expected.Rows[r][i] is double x && actual.Rows[r][i] is double y)
                    Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{what}, row {r}, column {i}: {x} against {y}");
                else
                    Assert.True(Equals(expected.Rows[r][i], actual.Rows[r][i]),
                        $"{what}, row {r}, column {i}: {expected.Rows[r][i] ?? "null"} against {actual.Rows[r][i] ?? "null"}\n{ResultReading.Dump(expected)}\n---\n{ResultReading.Dump(actual)}");
    }

    public void Dispose() => _w.Dispose();
}

public sealed class SharedScanTestsOnDuckDb() : SharedScanTests(TestEngine.DuckDb);

public sealed class SharedScanTestsOnPostgres() : SharedScanTests(TestEngine.Postgres);
