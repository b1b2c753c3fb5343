using CxReports.Engine.Alerts;
using CxReports.Engine.Execution;
using CxReports.Engine.Tests.Engines;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Alerts;

/// <summary>
/// The significance paths end to end, from CSV rows through the query planner to the test, on each engine: a churn
/// rate and a <c>share</c> (two proportions) and a <c>mean</c> (Welch), February 2025 against January (evaluated on
/// 2025-03-10). Each has one segment whose change is significant (fires), one whose change is as large as the
/// condition asks but may be noise (suppressed by significance), and one with too little data (suppressed by
/// <c>min</c>). The p-values are worked out by hand below: Φ is the standard normal CDF; for Welch, P(T_df &lt; -|t|) is
/// Student's t CDF, ½·I_{df/(df+t²)}(df/2, ½) (cross-checked with mpmath 1.3: erfc and betainc).
/// </summary>
public abstract class AlertSignificancePathsTests(TestEngine engine) : EngineTests(engine)
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private static AlertEvaluation Evaluate(Metrics.MetricWarehouse w, string alert) =>
        new AlertEvaluator(w.Model, w.Warehouse, EvaluationLimits.Default, TimeSpan.FromSeconds(30)).Evaluate(w.Model.Alerts[alert], Now);

    private static AlertSegment Segment(AlertEvaluation evaluation, string name) => evaluation.Segments.Single(s => s.Name == name);

    private static IEnumerable<string> Rows(int count, Func<int, string> row) => Enumerable.Range(0, count).Select(row);

    [Fact]
    public void A_churn_rate_rise_is_tested_on_the_customers_at_the_start_and_those_of_them_who_left()
    {
        const string cxr = """
            source customers from "customers.csv" {
              key id
              column plan
              time joined: date
              time left_on: date
              lifecycle joined .. left_on
            }
            metric customers_active = active(customers)
            metric churn = churn_rate(customers) per month
            alert churn_up {
              when churn by plan rises 3 points vs previous period
              min customers_active 50
              significance 95%
            }
            """;
        // Every customer signed up on 2024-06-01 unless said otherwise; (plan, how many, left on).
        //   pro:   250 customers at 1 January, 10 leave on 2025-01-20; 240 at 1 February, 36 leave on 2025-02-20. And 5
        //          sign up on 2025-02-03 and leave on 2025-02-20: they are churned customers of February, but not of its
        //          churn rate, which counts only the customers at its start (metrics.md "Lifecycle metrics").
        //   basic: 100 at 1 January, 3 leave in January; 97 at 1 February, 7 leave in February.
        //   free:  10 at 1 January, none leave; 5 of them leave in February.
        var customers = new List<string> { "id,plan,joined,left_on" };
        void Add(string plan, int count, string? left, string joined = "2024-06-01") =>
            customers.AddRange([.. Rows(count, i => $"{plan}{customers.Count + i},{plan},{joined},{left}")]);
        Add("pro", 10, "2025-01-20");
        Add("pro", 36, "2025-02-20");
        Add("pro", 204, null);
        Add("pro", 5, "2025-02-20", joined: "2025-02-03");
        Add("basic", 3, "2025-01-20");
        Add("basic", 7, "2025-02-20");
        Add("basic", 90, null);
        Add("free", 5, "2025-02-20");
        Add("free", 5, null);
        using var w = Load(cxr, ("customers.csv", Csv([.. customers])));
        var evaluation = Evaluate(w, "churn_up");

        // pro: 10/250 = 4% -> 36/240 = 15%, +11 points. Pooled 46/490 = 0.0938776;
        // SE₀ = 100·sqrt(0.0938776·0.9061224·(1/250 + 1/240)) = 2.635705; z = 11 / 2.635705 = 4.173457; p = 2·Φ(-4.173457) = 0.0000300012.
        // Counting February's 5 newcomers who left as churners would test 41/240 instead: z = 4.741052, p = 0.00000212611.
        var pro = Segment(evaluation, "plan=pro");
        Assert.Equal(AlertOutcome.Fired, pro.Outcome);
        Assert.Equal((15.0, 4.0, 11.0), (Round(pro.Value), Round(pro.Previous), Round(pro.Change)));
        Assert.Equal(2.635705, pro.Significance!.StandardError, 1e-6);
        Assert.Equal(0.0000300012, pro.Significance.PValue, 1e-10);

        // basic: 3/100 = 3% -> 7/97 = 7.216495%, +4.216495 points (more than 3). Pooled 10/197 = 0.0507614;
        // SE₀ = 100·sqrt(0.0507614·0.9492386·(1/100 + 1/97)) = 3.128253; z = 1.347875; p = 2·Φ(-1.347875) = 0.177698: may be noise.
        var basic = Segment(evaluation, "plan=basic");
        Assert.Equal(AlertOutcome.SuppressedBySignificance, basic.Outcome);
        Assert.Equal(4.216495, basic.Change!.Value, 1e-6);
        Assert.Equal(0.177698, basic.Significance!.PValue, 1e-6);

        // free: 0% -> 50% is a rise of 50 points, but 10 customers at the end of January and 5 at the end of February are fewer than 50.
        var free = Segment(evaluation, "plan=free");
        Assert.Equal((AlertOutcome.SuppressedByMinimum, 5.0), (free.Outcome, free.Guard));
        Assert.Null(free.Significance);
    }

    [Fact]
    public void A_share_drop_is_tested_as_two_proportions_of_the_rows()
    {
        const string cxr = """
            source tickets from "tickets.csv" {
              key id
              time opened: timestamp
              column team
              column status
            }
            metric tickets_n = count(tickets)
            metric resolved = share(tickets.status = "resolved")
            alert resolution_drop {
              when resolved by team drops 5 points
              min tickets_n 20
              significance 95%
            }
            """;
        // (team, month, resolved, other): x 90 of 100 then 70 of 100; y 45 of 50 then 40 of 50; z 5 of 5 then 1 of 5.
        // A ticket without a status is a ticket that is not resolved (share counts every row of its source).
        (string Team, int Month, int Resolved, int Other)[] counts =
            [("x", 1, 90, 10), ("x", 2, 70, 30), ("y", 1, 45, 5), ("y", 2, 40, 10), ("z", 1, 5, 0), ("z", 2, 1, 4)];
        var rows = new List<string> { "id,opened,team,status" };
        foreach (var (team, month, resolved, other) in counts)
        {
            rows.AddRange(Rows(resolved, _ => $"t{rows.Count},2025-{month:00}-12T09:00:00Z,{team},resolved"));
            rows.AddRange(Rows(other, i => $"t{rows.Count},2025-{month:00}-12T09:00:00Z,{team},{(i % 2 == 0 ? "open" : "")}"));
        }
        using var w = Load(cxr, ("tickets.csv", Csv([.. rows])));
        var evaluation = Evaluate(w, "resolution_drop");

        // x: 90% -> 70%, -20 points. Pooled 160/200 = 0.8; SE₀ = 100·sqrt(0.8·0.2·(1/100 + 1/100)) = 5.656854;
        // z = -20 / 5.656854 = -3.535534; p = 2·Φ(-3.535534) = 0.000406952.
        var x = Segment(evaluation, "team=x");
        Assert.Equal(AlertOutcome.Fired, x.Outcome);
        Assert.Equal((70.0, 90.0, -20.0), (Round(x.Value), Round(x.Previous), Round(x.Change)));
        Assert.Equal(5.656854, x.Significance!.StandardError, 1e-6);
        Assert.Equal(0.000406952, x.Significance.PValue, 1e-9);

        // y: 90% -> 80%, -10 points. Pooled 85/100 = 0.85; SE₀ = 100·sqrt(0.85·0.15·(1/50 + 1/50)) = 7.141428;
        // z = -1.400280; p = 2·Φ(-1.400280) = 0.161429: may be noise.
        var y = Segment(evaluation, "team=y");
        Assert.Equal((AlertOutcome.SuppressedBySignificance, -10.0), (y.Outcome, Round(y.Change)));
        Assert.Equal(0.161429, y.Significance!.PValue, 1e-6);

        // z: 100% -> 20% on 5 tickets a month, fewer than 20.
        Assert.Equal((AlertOutcome.SuppressedByMinimum, 5.0), (Segment(evaluation, "team=z").Outcome, Segment(evaluation, "team=z").Guard));
    }

    [Fact]
    public void A_mean_rise_is_tested_with_welch_s_test_on_the_answers_that_have_a_value()
    {
        const string cxr = """
            source answers from "answers.csv" {
              key id
              time at: timestamp
              column channel
              column effort: integer
            }
            metric answers_n = count(answers)
            metric effort = mean(answers.effort)
            alert effort_up {
              when effort by channel rises 1 points
              min answers_n 10
              significance 95%
            }
            """;
        // (channel, month, efforts): a 10×2 and 10×4, then 10×4 and 10×6 and one answer without an effort (not in the mean,
        // nor in its count: n stays 20); b 5×1 and 5×5, then 5×2 and 5×6; c 2, 2, 4, 4, then 6, 6, 6, 6.
        (string Channel, int Month, int[] Efforts)[] answers =
        [
            ("a", 1, [.. Enumerable.Repeat(2, 10), .. Enumerable.Repeat(4, 10)]), ("a", 2, [.. Enumerable.Repeat(4, 10), .. Enumerable.Repeat(6, 10)]),
            ("b", 1, [.. Enumerable.Repeat(1, 5), .. Enumerable.Repeat(5, 5)]), ("b", 2, [.. Enumerable.Repeat(2, 5), .. Enumerable.Repeat(6, 5)]),
            ("c", 1, [2, 2, 4, 4]), ("c", 2, [6, 6, 6, 6]),
        ];
        var rows = new List<string> { "id,at,channel,effort" };
        foreach (var (channel, month, efforts) in answers)
            rows.AddRange(efforts.Select(e => $"r{rows.Count},2025-{month:00}-20T12:00:00Z,{channel},{e}"));
        rows.Add($"r{rows.Count},2025-02-21T12:00:00Z,a,");
        using var w = Load(cxr, ("answers.csv", Csv([.. rows])));
        var evaluation = Evaluate(w, "effort_up");

        // a: mean 3 -> 5, +2. Each month's s² = 20·1²/19 = 1.052632, s²/n = 1/19 = 0.052632;
        // SE = sqrt(2/19) = 0.324443; t = 2 / 0.324443 = 6.164414; df = (2/19)² / (2·(1/19)²/19) = 38;
        // p = 2·P(T₃₈ < -6.164414) = 3.38733e-7.
        var a = Segment(evaluation, "channel=a");
        Assert.Equal(AlertOutcome.Fired, a.Outcome);
        Assert.Equal((5.0, 3.0, 2.0, 21.0), (Round(a.Value), Round(a.Previous), Round(a.Change), a.Guard));
        Assert.Equal(0.324443, a.Significance!.StandardError, 1e-6);
        Assert.Equal(3.38733e-7, a.Significance.PValue, 1e-11);

        // b: mean 3 -> 4, +1 (on the line). Each month's s² = 10·2²/9 = 4.444444, s²/n = 0.444444;
        // SE = sqrt(0.888889) = 0.942809; t = 1.060660; df = 0.888889² / (2·0.444444²/9) = 18; p = 2·P(T₁₈ < -1.060660) = 0.302870.
        var b = Segment(evaluation, "channel=b");
        Assert.Equal((AlertOutcome.SuppressedBySignificance, 1.0), (b.Outcome, Round(b.Change)));
        Assert.Equal(0.302870, b.Significance!.PValue, 1e-6);

        // c: 3 -> 6 on 4 answers a month, fewer than 10.
        Assert.Equal((AlertOutcome.SuppressedByMinimum, 4.0), (Segment(evaluation, "channel=c").Outcome, Segment(evaluation, "channel=c").Guard));
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 9);
}

public sealed class AlertSignificancePathsTestsOnDuckDb() : AlertSignificancePathsTests(TestEngine.DuckDb);

public sealed class AlertSignificancePathsTestsOnPostgres() : AlertSignificancePathsTests(TestEngine.Postgres);
