using System.Globalization;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// The pre-aggregate of a score's <c>last(x)</c> made at load (per entity: the last value and the time of its last
/// counted row) gives every score exactly as computed from the answers: on generated answers (several a day, answers
/// without a score or a CSAT, customers who never answered or answered only without a score, anonymous answers), in
/// Istanbul's days, as of dates before, inside, at the end of and after the data. A reload replaces it; a component
/// with a window is computed from the rows.
/// </summary>
public abstract class LastValueRollupTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        model {
          timezone "Europe/Istanbul"
        }
        source customers from "customers.csv" {
          key id
          column plan
          time signup: date
        }
        source responses from "responses.csv" {
          link customer = customer_id -> customers
          time at: timestamp
          column score: integer
          column csat: integer
        }
        score health for customers {
          loyalty weight 60 = last(responses.score) scale 0 .. 10
          csat weight 40 = last(responses.csat) scale 1 .. 5
          band healthy >= 70
          band neutral >= 40
          band at_risk
        }
        report r {
          period 2025-01-01 .. 2025-03-31
          section "s" { scores s: health }
        }
        """;

    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv(["id,plan,signup", .. Enumerable.Range(0, 40).Select(i => $"c{i},pro,2023-01-01")])),
        ("responses.csv", Csv(["customer_id,at,score,csat", .. Generated(seed: 11)])));

    /// <summary>
    /// Answers of customers c0 .. c34 over 2024-06 .. 2025-06 at random instants (some on the same day, some near
    /// Istanbul's midnight, which is 21:00 UTC), a score missing on one in seven, a CSAT on one in three; c35 .. c37
    /// answer only without a score; c38 and c39 never answer; some answers are anonymous.
    /// </summary>
    private static IEnumerable<string> Generated(int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 900; i++)
        {
            var customer = random.Next(10) == 0 ? "" : $"c{random.Next(38)}";
            var at = random.Next(4) == 0
                ? start.AddDays(random.Next(390)).AddHours(21).AddSeconds(random.Next(-30, 30))
                : start.AddMinutes(random.Next(390 * 24 * 60));
            var score = customer is "c35" or "c36" or "c37" || random.Next(7) == 0 ? "" : random.Next(11).ToString(CultureInfo.InvariantCulture);
            var csat = random.Next(3) == 0 ? "" : random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
            yield return string.Create(CultureInfo.InvariantCulture, $"{customer},{at:yyyy-MM-ddTHH:mm:ssZ},{score},{csat}");
        }
    }

    [Theory]
    [InlineData("2024-01-01", "2024-03-31")]   // before every answer
    [InlineData("2024-07-01", "2024-09-30")]
    [InlineData("2025-01-01", "2025-03-31")]
    [InlineData("2025-06-01", "2025-06-24")]   // near the last answers, in Istanbul's days
    [InlineData("2025-06-01", "2025-06-30")]   // at the end of the data
    [InlineData("2026-01-01", "2026-03-31")]   // after it
    public void Every_score_from_the_pre_aggregate_equals_the_computation_from_the_answers(string from, string to)
    {
        IReadOnlyDictionary<string, string> rollups = _w.Rollups;
        Assert.True(rollups.ContainsKey("health.loyalty"));
        Assert.True(rollups.ContainsKey("health.csat"));
        PlannedQuery rolled = Plan(from, to, rollups);
        Assert.Contains(rollups["health.loyalty"], rolled.Sql, StringComparison.Ordinal);
        PlannedQuery direct = Plan(from, to, new Dictionary<string, string>());
        Assert.DoesNotContain("__last_", direct.Sql, StringComparison.Ordinal);

        ResultTable expected = _w.Execute(direct, "direct");
        ResultTable actual = _w.Execute(rolled, "rolled");
        Assert.Equal(40, expected.Rows.Count);
        Assert.Equal(Rows(expected), Rows(actual));
    }

    [Fact]
    public void A_reload_replaces_the_pre_aggregate_and_the_old_one_is_not_read()
    {
        string before = _w.Rollups["health.loyalty"];
        _w.Reload("responses.csv", Csv("customer_id,at,score,csat", "c1,2025-01-05T10:00:00Z,3,4", "c1,2025-02-05T10:00:00Z,8,"));

        string after = _w.Rollups["health.loyalty"];
        Assert.NotEqual(before, after);
        Assert.False(_w.HasTable(before));
        // As of 2025-01-31 c1's last answer is January's (February's comes after): loyalty 3 -> 30, csat 4 -> 75.
        ResultTable t = _w.Execute(Plan("2025-01-01", "2025-01-31", _w.Rollups), "reloaded");
        object?[] c1 = t.Rows.Single(r => Equals(r[0], "c1"));
        Assert.Equal(30.0, Convert.ToDouble(c1[t.IndexOf("loyalty")], CultureInfo.InvariantCulture), 9);
        Assert.Equal(75.0, Convert.ToDouble(c1[t.IndexOf("csat")], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void A_component_with_a_window_has_no_pre_aggregate()
    {
        using MetricWarehouse w = Load(Model.Replace("csat weight 40 = last(responses.csat) scale 1 .. 5",
                "recent weight 40 = last(responses.csat) within 30 days scale 1 .. 5", StringComparison.Ordinal),
            ("customers.csv", Csv("id,plan,signup", "c1,pro,2023-01-01")),
            ("responses.csv", Csv("customer_id,at,score,csat", "c1,2025-01-05T10:00:00Z,3,4")));
        Assert.Equal(["health.loyalty"], w.Rollups.Keys);
    }

    private PlannedQuery Plan(string from, string to, IReadOnlyDictionary<string, string> rollups)
    {
        ReportPlanner planner = new(_w.Model, _w.Dialect, TimeProvider.System) { Rollups = rollups };
        Dsl.Model.ReportModel report = _w.Model.Reports["r"];
        (ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) = planner.Resolve(report, new ReportRequest(Day(from), Day(to)));
        return planner.Plan(report, report.Sections[0].Blocks[0], period, values)!;
    }

    private static string[] Rows(ResultTable table) =>
        table.Rows.Select(r => string.Join("|", r.Select(v => v is double d ? d.ToString("F9", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null"))).ToArray();

    public void Dispose() => _w.Dispose();
}

public sealed class LastValueRollupTestsOnDuckDb() : LastValueRollupTests(TestEngine.DuckDb);

public sealed class LastValueRollupTestsOnPostgres() : LastValueRollupTests(TestEngine.Postgres);
