using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Alerts;
using CxReports.Engine.Execution;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Alerts;

/// <summary>
/// Alerts evaluated end to end on each engine: February 2025 (the last complete month on 2025-03-10) against January,
/// per channel, with the outcomes and numbers worked out by hand from the answers below.
/// </summary>
public abstract class AlertEvaluatorTests(TestEngine engine) : EngineTests(engine)
{
    private const string Model = """
        source responses from "responses.csv" {
          key id
          time at: timestamp
          column channel
          column score: integer
          column csat: integer
          column ces: integer
        }
        metric responses_n = count(responses)
        metric nps = nps(responses.score)
        metric csat = csat(responses.csat)
        metric ces = ces(responses.ces)
        """;

    private static readonly DateTimeOffset Now = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// NPS answers per channel and month, as (promoters, passives, detractors) scored 10, 8 and 3:
    /// phone Jan (60, 30, 10) NPS 50, Feb (40, 30, 30) NPS 10; web Jan (2, 2, 0) NPS 50, Feb (1, 2, 1) NPS 0;
    /// email Jan (20, 10, 10) NPS 25, Feb (16, 12, 12) NPS 10; chat Jan (16, 12, 12) NPS 10, Feb (18, 12, 10) NPS 20;
    /// sms only in Feb (0, 40, 0) NPS 0.
    /// </summary>
    private static readonly (string Channel, int Month, int Promoters, int Passives, int Detractors)[] NpsAnswers =
    [
        ("phone", 1, 60, 30, 10), ("phone", 2, 40, 30, 30),
        ("web", 1, 2, 2, 0), ("web", 2, 1, 2, 1),
        ("email", 1, 20, 10, 10), ("email", 2, 16, 12, 12),
        ("chat", 1, 16, 12, 12), ("chat", 2, 18, 12, 10),
        ("sms", 2, 0, 40, 0),
    ];

    private MetricWarehouse Survey(string alerts, params string[] extraRows)
    {
        var rows = new List<string> { "id,at,channel,score,csat,ces" };
        foreach (var (channel, month, promoters, passives, detractors) in NpsAnswers)
            foreach (var score in Enumerable.Repeat(10, promoters).Concat(Enumerable.Repeat(8, passives)).Concat(Enumerable.Repeat(3, detractors)))
                rows.Add($"n{rows.Count},2025-{month:00}-15T10:00:00Z,{channel},{score},,");
        rows.AddRange(extraRows.Select((r, i) => $"x{i},{r}"));
        return Load(Model + "\n" + alerts, ("responses.csv", Csv([.. rows])));
    }

    private static AlertEvaluation Evaluate(MetricWarehouse w, string alert, DateTimeOffset? now = null) =>
        new AlertEvaluator(w.Model, w.Warehouse, EvaluationLimits.Default, TimeSpan.FromSeconds(30)).Evaluate(w.Model.Alerts[alert], now ?? Now);

    private static AlertSegment Segment(AlertEvaluation evaluation, string name) => evaluation.Segments.Single(s => s.Name == name);

    [Fact]
    public void A_drop_fires_where_it_is_large_enough_sampled_enough_and_significant()
    {
        using var w = Survey("""
            alert nps_drop {
              when nps by channel drops 5 points vs previous period
              min responses_n 30
              significance 95%
            }
            """);
        var evaluation = Evaluate(w, "nps_drop");

        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), (evaluation.Period.From, evaluation.Period.To));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)), (evaluation.Earlier!.From, evaluation.Earlier.To));

        // phone: 50 -> 10, change -40. Variances 0.6 + 0.1 - 0.5² = 0.45 and 0.4 + 0.3 - 0.1² = 0.69;
        // SE = 100·sqrt(0.45/100 + 0.69/100) = 10.677078; z = -40 / 10.677078 = -3.746343; p = 2·Φ(-3.746343) = 0.000179431.
        var phone = Segment(evaluation, "channel=phone");
        Assert.Equal(AlertOutcome.Fired, phone.Outcome);
        Assert.Equal(["phone"], phone.Key);
        Assert.Equal((10.0, 50.0, -40.0, 100.0), (Round(phone.Value), Round(phone.Previous), Round(phone.Change), phone.Guard));
        Assert.Equal(100.0, phone.PreviousGuard); // January: 60 + 30 + 10 answers
        Assert.Equal(0.000179431, phone.Significance!.PValue, 1e-8);
        Assert.Equal(10.677078, phone.Significance.StandardError, 1e-5);

        // web: 50 -> 0 is a drop of 50, but on 4 answers (fewer than 30).
        Assert.Equal(AlertOutcome.SuppressedByMinimum, Segment(evaluation, "channel=web").Outcome);
        Assert.Equal((4.0, 4.0), (Segment(evaluation, "channel=web").Guard, Segment(evaluation, "channel=web").PreviousGuard));

        // email: 25 -> 10 on 40 answers each. SE = 100·sqrt(0.6875/40 + 0.69/40) = 18.557344; z = -0.808305; p = 0.418915.
        var email = Segment(evaluation, "channel=email");
        Assert.Equal(AlertOutcome.SuppressedBySignificance, email.Outcome);
        Assert.Equal(-15.0, Round(email.Change));
        Assert.Equal(0.418915, email.Significance!.PValue, 1e-6);

        // chat rose (10 -> 20): quiet. sms has no January to compare with.
        Assert.Equal(AlertOutcome.Quiet, Segment(evaluation, "channel=chat").Outcome);
        Assert.Equal((AlertOutcome.NoData, (double?)null, (double?)null), (Segment(evaluation, "channel=sms").Outcome, Segment(evaluation, "channel=sms").Previous, Segment(evaluation, "channel=sms").Change));
        Assert.Equal(["channel=phone"], evaluation.Fired.Select(s => s.Name));
    }

    [Fact]
    public void Without_a_minimum_or_significance_every_drop_of_5_points_fires_and_a_rise_fires_a_rises_alert()
    {
        using var w = Survey("""
            alert nps_drop { when nps by channel drops 5 points }
            alert nps_rise { when nps by channel rises by 10 points }
            alert nps_moves { when nps by channel changes 40 points }
            """);

        // Drops: phone -40, web -50, email -15; chat +10; sms no January.
        Assert.Equal(["channel=email", "channel=phone", "channel=web"], Evaluate(w, "nps_drop").Fired.Select(s => s.Name));
        Assert.Equal(["channel=chat"], Evaluate(w, "nps_rise").Fired.Select(s => s.Name));
        // At least 40 either way: phone (-40, exactly on the line) and web (-50).
        Assert.Equal(["channel=phone", "channel=web"], Evaluate(w, "nps_moves").Fired.Select(s => s.Name));
    }

    [Fact]
    public void A_threshold_fires_on_the_period_s_value_alone()
    {
        using var w = Survey("alert nps_low { when nps by channel < 15 }\nalert nps_overall { when nps >= 14 }\nalert nps_low_guarded {\n  when nps by channel < 15\n  min responses_n 30\n}");

        // February: phone 10, web 0, email 10, chat 20, sms 0.
        Assert.Equal(["channel=email", "channel=phone", "channel=sms", "channel=web"], Evaluate(w, "nps_low").Fired.Select(s => s.Name));
        // With the guard, web's 4 February answers are too few (a threshold reads one period only).
        var guarded = Evaluate(w, "nps_low_guarded");
        Assert.Equal(["channel=email", "channel=phone", "channel=sms"], guarded.Fired.Select(s => s.Name));
        Assert.Equal(AlertOutcome.SuppressedByMinimum, Segment(guarded, "channel=web").Outcome);
        // All of February: promoters 40+1+16+18+0 = 75, detractors 30+1+12+10+0 = 53 of 100+4+40+40+40 = 224:
        // NPS = 100·22/224 = 9.821 < 14.
        var overall = Assert.Single(Evaluate(w, "nps_overall").Segments);
        Assert.Equal((AlertOutcome.Quiet, "", 9.821), (overall.Outcome, overall.Name, Math.Round(overall.Value!.Value, 3)));
        Assert.Empty(overall.Key);
    }

    [Fact]
    public void A_csat_fall_from_80_to_65_percent_is_tested_as_two_proportions()
    {
        // January: 160 of 200 answers 4-5 (80%); February: 130 of 200 (65%); a 6 is no CSAT answer and is left out.
        var rows = Enumerable.Range(0, 200).Select(i => $"2025-01-10T10:00:00Z,web,,{(i < 160 ? 5 : 2)},")
            .Concat(Enumerable.Range(0, 200).Select(i => $"2025-02-10T10:00:00Z,web,,{(i < 130 ? 4 : 1)},"))
            .Append("2025-02-11T10:00:00Z,web,,6,").ToArray();
        using var w = Survey("alert csat_drop {\n  when csat drops 10 points\n  significance 99%\n}", rows);

        // Pooled 290/400 = 0.725, SE₀ = 100·sqrt(0.725·0.275·(2/200)) = 4.465143, z = -15 / 4.465143 = -3.359355, p = 0.000781246 < 0.01.
        var segment = Assert.Single(Evaluate(w, "csat_drop").Segments);
        Assert.Equal(AlertOutcome.Fired, segment.Outcome);
        Assert.Equal((65.0, 80.0, -15.0), (Round(segment.Value), Round(segment.Previous), Round(segment.Change)));
        Assert.Equal(0.000781246, segment.Significance!.PValue, 1e-8);
    }

    [Fact]
    public void A_ces_rise_is_tested_with_welch_s_test()
    {
        // January: 25 answers of 2 and 25 of 4: mean 3, s² = 50·1/49. February: 20 of 2 and 20 of 5: mean 3.5, s² = 40·2.25/39.
        // s₁²/n₁ = 1/49 = 0.020408, s₂²/n₂ = 2.25/39 = 0.057692, SE = sqrt(0.078100) = 0.279465, t = 0.5 / 0.279465 = 1.789135,
        // df = 0.078100² / (0.020408²/49 + 0.057692²/39) = 64.998; p = 2·P(T < -1.789135) = 0.078252: noise at 95%, a signal at 90%.
        var rows = Enumerable.Range(0, 50).Select(i => $"2025-01-10T10:00:00Z,web,,,{(i % 2 == 0 ? 2 : 4)}")
            .Concat(Enumerable.Range(0, 40).Select(i => $"2025-02-10T10:00:00Z,web,,,{(i % 2 == 0 ? 2 : 5)}")).ToArray();
        using var w = Survey("""
            alert ces_95 {
              when ces rises 0.3 points
              significance 95%
            }
            alert ces_90 {
              when ces rises 0.3 points
              significance 90%
            }
            """, rows);

        var strict = Assert.Single(Evaluate(w, "ces_95").Segments);
        Assert.Equal(AlertOutcome.SuppressedBySignificance, strict.Outcome);
        Assert.Equal(0.5, Round(strict.Change));
        Assert.Equal(0.279465, strict.Significance!.StandardError, 1e-5);
        Assert.Equal(0.078252, strict.Significance.PValue, 1e-5);
        Assert.Equal(AlertOutcome.Fired, Assert.Single(Evaluate(w, "ces_90").Segments).Outcome);
    }

    [Fact]
    public void The_period_is_the_last_complete_month_in_the_alert_s_zone()
    {
        // 2025-01-31T22:30Z is February 1st, 01:30 in Istanbul (UTC+3); evaluated 2025-03-01T00:30Z, 03:30 on March 1st there.
        var cxr = Model + """

            alert istanbul {
              when responses_n >= 1
              check "0 9 * * *" timezone "Europe/Istanbul"
            }
            alert utc { when responses_n >= 1 }
            """;
        using var w = Load(cxr, ("responses.csv", Csv("id,at,channel,score,csat,ces", "r1,2025-01-31T22:30:00Z,web,9,,")));
        var now = new DateTimeOffset(2025, 3, 1, 0, 30, 0, TimeSpan.Zero);

        var istanbul = Assert.Single(Evaluate(w, "istanbul", now).Segments);
        Assert.Equal((AlertOutcome.Fired, 1.0), (istanbul.Outcome, istanbul.Value));
        // In UTC the only answer is on January 31st, the source's last day with data: February, after it, is no data, not 0.
        var utc = Assert.Single(Evaluate(w, "utc", now).Segments);
        Assert.Equal((AlertOutcome.NoData, (double?)null), (utc.Outcome, utc.Value));
    }

    [Fact]
    public void A_period_after_the_data_ends_is_no_data_so_a_threshold_on_a_count_does_not_fire_on_its_zero()
    {
        using var w = Survey("alert few { when responses_n < 5 }\nalert low { when nps < 30 }");
        // On 2025-05-10 the period is April; the answers end on February 15th. Counted, April would be 0 answers (< 5
        // would fire) and NPS undefined; both are unknown.
        var may = new DateTimeOffset(2025, 5, 10, 8, 0, 0, TimeSpan.Zero);

        var few = Assert.Single(Evaluate(w, "few", may).Segments);
        Assert.Equal((AlertOutcome.NoData, (double?)null), (few.Outcome, few.Value));
        Assert.Empty(Evaluate(w, "low", may).Fired);
        // In February, the last month with data, the count is known: 100 + 4 + 40 + 40 + 40 = 224 answers.
        Assert.Equal((AlertOutcome.Quiet, 224.0), (Assert.Single(Evaluate(w, "few").Segments).Outcome, Assert.Single(Evaluate(w, "few").Segments).Value));
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 9);
}

public sealed class AlertEvaluatorTestsOnDuckDb() : AlertEvaluatorTests(TestEngine.DuckDb);

public sealed class AlertEvaluatorTestsOnPostgres() : AlertEvaluatorTests(TestEngine.Postgres);
