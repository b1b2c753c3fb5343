using CxReports.Engine.Loading;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>nps, nps_margin, csat and ces (metrics.md, "Survey metrics"), each against a value worked out by hand.</summary>
public abstract class SurveyMetricsTests(TestEngine engine) : EngineTests(engine)
{
    // No declared ranges: out-of-range answers must be left out by the metrics, never clamped.
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
          time signup: date
        }
        source responses from "responses.csv" {
          key id
          link customer = customer_id -> customers
          time at: timestamp
          column channel
          column score: integer
          column csat: integer
          column ces: integer
        }
        metric responses_n = count(responses)
        metric nps = nps(responses.score)
        metric nps_margin = nps_margin(responses.score)
        metric csat = csat(responses.csat)
        metric ces = ces(responses.ces)
        metric nps_support = nps(responses.score) where responses.channel in ("phone", "email")
        """;

    private static readonly (string, string) Customers = ("customers.csv", Csv("id,plan,signup", "c1,pro,2024-01-01", "c2,basic,2024-01-01"));

    /// <summary>Responses as (timestamp, channel, score, csat, ces); blanks are written as empty cells.</summary>
    private MetricWarehouse Survey(params (string At, string Channel, string Score, string Csat, string Ces)[] rows) =>
        Load(Model, Customers, ("responses.csv", Csv(
            ["id,customer_id,at,channel,score,csat,ces", .. rows.Select((r, i) => $"r{i},c{i % 2 + 1},{r.At},{r.Channel},{r.Score},{r.Csat},{r.Ces}")])));

    private MetricWarehouse Scores(params int[] scores) =>
        Survey(scores.Select((s, i) => ($"2025-01-{i + 1:00}T10:00:00Z", "web", s.ToString(Inv), "", "")).ToArray());

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public void Nps_of_the_worked_example_is_100_times_promoter_share_minus_detractor_share()
    {
        using MetricWarehouse w = Scores(10, 9, 8, 7, 6, 0, 10);
        var t = w.Query("nps, nps_margin, responses_n", "2025-01-01", "2025-01-31");
        // P = 3/7 (10, 9, 10), D = 2/7 (6, 0): NPS = 100 * 1/7 = 14.285714...
        Assert.Equal(100.0 / 7, t.Single("nps")!.Value, 9);
        // 100 * 1.96 * sqrt((5/7 - (1/7)^2) / 7) = 61.7090 (metrics.md worked example)
        Assert.Equal(61.7090, t.Single("nps_margin")!.Value, 4);
        Assert.Equal(7L, t.Count("responses_n"));
    }

    [Fact]
    public void Nps_is_between_minus_100_and_100()
    {
        using MetricWarehouse promoters = Scores(9, 10, 10);
        Assert.Equal(100.0, promoters.Query("nps", "2025-01-01", "2025-01-31").Single("nps")!.Value, 9);
        using MetricWarehouse detractors = Scores(0, 6, 3);
        Assert.Equal(-100.0, detractors.Query("nps", "2025-01-01", "2025-01-31").Single("nps")!.Value, 9);
        using MetricWarehouse passives = Scores(7, 8);
        // Only passives: P = D = 0, NPS 0 (a real 0, not a missing value); margin sqrt(0) = 0.
        var t = passives.Query("nps, nps_margin", "2025-01-01", "2025-01-31");
        Assert.Equal(0.0, t.Single("nps")!.Value, 9);
        Assert.Equal(0.0, t.Single("nps_margin")!.Value, 9);
    }

    [Fact]
    public void Nps_leaves_out_scores_outside_0_to_10_without_clamping_them()
    {
        using MetricWarehouse w = Scores(10, 10, 5, 11, -1, 42);
        // Answers in 0..10: 10, 10, 5. P = 2/3, D = 1/3: NPS 33.33 (clamping 11 -> 10 and -1 -> 0 would give 20).
        var t = w.Query("nps, nps_margin, responses_n", "2025-01-01", "2025-01-31");
        Assert.Equal(100.0 / 3, t.Single("nps")!.Value, 9);
        // N = 3: 100 * 1.96 * sqrt((1 - 1/9) / 3)
        Assert.Equal(196 * Math.Sqrt((1 - 1.0 / 9) / 3), t.Single("nps_margin")!.Value, 9);
        Assert.Equal(6L, t.Count("responses_n")); // count(responses) counts rows, whatever their score
    }

    [Fact]
    public void Nps_margin_is_null_below_two_answers()
    {
        using MetricWarehouse one = Scores(9);
        var t = one.Query("nps, nps_margin", "2025-01-01", "2025-01-31");
        Assert.Equal(100.0, t.Single("nps")!.Value, 9);
        Assert.Null(t.Single("nps_margin"));

        using MetricWarehouse two = Scores(10, 0);
        // P = D = 1/2: 100 * 1.96 * sqrt((1 - 0) / 2) = 138.5929...
        Assert.Equal(196 * Math.Sqrt(0.5), two.Query("nps_margin", "2025-01-01", "2025-01-31").Single("nps_margin")!.Value, 9);
    }

    [Fact]
    public void Every_response_counts_even_several_from_one_customer()
    {
        // c1 answers 10, 10, 10 (rows 0, 2, 4), c2 answers 0, 0 (rows 1, 3): 5 responses, P = 3/5, D = 2/5 -> 20.
        using MetricWarehouse w = Scores(10, 0, 10, 0, 10);
        Assert.Equal(20.0, w.Query("nps", "2025-01-01", "2025-01-31").Single("nps")!.Value, 9);
    }

    [Fact]
    public void Csat_of_the_worked_example_is_the_top_two_box_share()
    {
        using MetricWarehouse w = Survey(
            ("2025-01-01T10:00:00Z", "web", "9", "5", ""),
            ("2025-01-02T10:00:00Z", "web", "9", "4", ""),
            ("2025-01-03T10:00:00Z", "web", "9", "3", ""),
            ("2025-01-04T10:00:00Z", "web", "9", "1", ""),
            ("2025-01-05T10:00:00Z", "web", "9", "", ""),   // not asked: not an answer
            ("2025-01-06T10:00:00Z", "web", "9", "6", ""),  // out of 1..5: left out, not counted as 4-5
            ("2025-01-07T10:00:00Z", "web", "9", "0", "")); // out of 1..5: left out, not counted as a low answer
        // 5, 4, 3, 1: two of four are 4-5 -> 50.
        Assert.Equal(50.0, w.Query("csat", "2025-01-01", "2025-01-31").Single("csat")!.Value, 9);
    }

    [Fact]
    public void Ces_is_the_mean_of_answers_1_to_7()
    {
        using MetricWarehouse w = Survey(
            ("2025-01-01T10:00:00Z", "web", "9", "", "1"),
            ("2025-01-02T10:00:00Z", "web", "9", "", "7"),
            ("2025-01-03T10:00:00Z", "web", "9", "", "4"),
            ("2025-01-04T10:00:00Z", "web", "9", "", "6"),
            ("2025-01-05T10:00:00Z", "web", "9", "", ""),   // not asked
            ("2025-01-06T10:00:00Z", "web", "9", "", "0"),  // out of range: left out (clamped to 1 it would pull the mean down)
            ("2025-01-07T10:00:00Z", "web", "9", "", "9")); // out of range: left out
        // (1 + 7 + 4 + 6) / 4 = 4.5
        Assert.Equal(4.5, w.Query("ces", "2025-01-01", "2025-01-31").Single("ces")!.Value, 9);
    }

    [Fact]
    public void Survey_scores_are_null_when_no_answer_is_in_range()
    {
        // Rows exist, but none has an answer the metrics accept: every denominator is 0, so every score is null, never 0.
        using MetricWarehouse w = Survey(
            ("2025-01-01T10:00:00Z", "web", "11", "", "8"),
            ("2025-01-02T10:00:00Z", "web", "-3", "7", ""));
        var t = w.Query("responses_n, nps, nps_margin, csat, ces", "2025-01-01", "2025-01-31");
        Assert.Equal(2L, t.Count("responses_n"));
        Assert.Null(t.Single("nps"));
        Assert.Null(t.Single("nps_margin"));
        Assert.Null(t.Single("csat"));
        Assert.Null(t.Single("ces"));
    }

    [Fact]
    public void A_month_without_responses_has_count_0_and_null_scores()
    {
        using MetricWarehouse w = Survey(
            ("2025-01-10T10:00:00Z", "web", "10", "5", "2"),
            ("2025-01-11T10:00:00Z", "web", "9", "4", "3"),
            ("2025-03-10T10:00:00Z", "web", "0", "1", "7"));
        var t = w.Query("responses_n, nps, nps_margin, csat, ces by month", "2025-01-01", "2025-03-31");
        Assert.Equal(3, t.Rows.Count);
        Assert.Equal(0L, t.Count("responses_n", "2025-02-01"));
        foreach (string score in new[] { "nps", "nps_margin", "csat", "ces" })
            Assert.Null(t.Number(score, "2025-02-01"));
        // January: 10 and 9 are promoters -> 100; margin sqrt((1 - 1) / 2) = 0; csat 2 of 2 -> 100; ces (2 + 3) / 2.
        Assert.Equal(100.0, t.Number("nps", "2025-01-01")!.Value, 9);
        Assert.Equal(0.0, t.Number("nps_margin", "2025-01-01")!.Value, 9);
        Assert.Equal(100.0, t.Number("csat", "2025-01-01")!.Value, 9);
        Assert.Equal(2.5, t.Number("ces", "2025-01-01")!.Value, 9);
        // March: a single 0 -> -100, margin null (N = 1), csat 0 of 1 -> 0 (a real 0), ces 7.
        Assert.Equal(-100.0, t.Number("nps", "2025-03-01")!.Value, 9);
        Assert.Null(t.Number("nps_margin", "2025-03-01"));
        Assert.Equal(0.0, t.Number("csat", "2025-03-01")!.Value, 9);
        Assert.Equal(7.0, t.Number("ces", "2025-03-01")!.Value, 9);
    }

    [Fact]
    public void A_metric_where_filters_the_responses_the_score_sees()
    {
        using MetricWarehouse w = Survey(
            ("2025-01-01T10:00:00Z", "phone", "10", "", ""),
            ("2025-01-02T10:00:00Z", "email", "3", "", ""),
            ("2025-01-03T10:00:00Z", "email", "9", "", ""),
            ("2025-01-04T10:00:00Z", "web", "0", "", ""),
            ("2025-01-05T10:00:00Z", "", "0", "", "")); // blank channel is not in ("phone", "email")
        // phone/email: 10, 3, 9 -> P = 2/3, D = 1/3 -> 33.33; all five: P = 2/5, D = 3/5 -> -20.
        var t = w.Query("nps_support, nps", "2025-01-01", "2025-01-31");
        Assert.Equal(100.0 / 3, t.Single("nps_support")!.Value, 9);
        Assert.Equal(-20.0, t.Single("nps")!.Value, 9);
    }

    [Fact]
    public void A_declared_range_rejects_out_of_range_values_at_load_and_names_every_bad_row()
    {
        const string ranged = """
            source responses from "responses.csv" {
              key id
              time at: timestamp
              column score: integer required range 0 .. 10
            }
            """;
        using MetricWarehouse w = TryLoad(ranged, ("responses.csv", Csv(
            "id,at,score",
            "r1,2025-01-01T10:00:00Z,10",
            "r2,2025-01-02T10:00:00Z,11",
            "r3,2025-01-03T10:00:00Z,5",
            "r4,2025-01-04T10:00:00Z,-1")));
        LoadOutcome outcome = Assert.Single(w.Outcomes);
        Assert.Equal(LoadStatus.Failed, outcome.Status);
        Assert.Equal(2, outcome.ErrorCount);
        // Physical lines: the header is line 1, so r2 is line 3 and r4 line 5.
        Assert.Contains(outcome.Diagnostics, d => d.Span.Line == 3 && d.Message.Contains("'11'", StringComparison.Ordinal));
        Assert.Contains(outcome.Diagnostics, d => d.Span.Line == 5 && d.Message.Contains("'-1'", StringComparison.Ordinal));
    }
}

public sealed class SurveyMetricsTestsOnDuckDb() : SurveyMetricsTests(TestEngine.DuckDb);

public sealed class SurveyMetricsTestsOnPostgres() : SurveyMetricsTests(TestEngine.Postgres);
