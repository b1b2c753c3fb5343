using CxReports.Engine.Reports;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// A report over data that ends before its period does: each source's last day is stated, buckets after it are
/// unknown (null) rather than empty (0), partial buckets are marked, and totals are computed up to the data end.
/// </summary>
public abstract class DataFreshnessTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id
          time signup: date
          lifecycle signup .. churns.left_at
        }
        source churns "Ayrılışlar" from "churns.csv" label "en" "Churns" {
          link customer = id -> customers required
          time left_at: date
        }
        source tickets from "tickets.csv" {
          key ticket
          link customer = id -> customers
          time opened: timestamp
        }
        source costs from "costs.csv" {
          time booked = "month": date format "%Y-%m"
          column amount: decimal
        }
        metric tickets_n "Tickets" = count(tickets)
        metric spend "Spend" = sum(costs.amount)
        metric tickets_per_spend = count(tickets) / sum(costs.amount)
        score busy for customers {
          recent weight 100 = count(tickets) within 30 days scale 0 .. 1
          band busy >= 50
          band quiet
        }
        report r {
          period 2025-01-01 .. 2025-04-30
          timezone "Europe/Istanbul"
          section "s" {
            kpi k: tickets_n compare previous period
            table t: tickets_n, churned(customers), spend, tickets_per_spend by month
            table q: tickets_n by quarter
            scores s: busy
          }
        }
        report r_tr {
          period 2025-01-01 .. 2025-04-30
          locale "tr-TR"
          section "s" {
            table t: tickets_n, churned(customers) by month
          }
        }
        """;

    private void Load() => _fixture
        .File("customers.csv", "id,signup\na,2024-12-01\nb,2024-12-15\nc,2025-01-10\nd,2025-02-20\ne,2025-03-25\n")
        // Churn events end on March 14.
        .File("churns.csv", "id,left_at\na,2025-02-10\nc,2025-03-14\n")
        // In Istanbul (UTC+3) the last ticket, 22:30 UTC on March 20, was opened at 01:30 on March 21.
        .File("tickets.csv", """
            ticket,id,opened
            t0,a,2024-12-10T09:00:00Z
            t1,a,2025-01-05T10:00:00Z
            t2,b,2025-02-03T09:00:00Z
            t3,d,2025-02-25T12:00:00Z
            t4,b,2025-03-20T22:30:00Z
            """)
        // Monthly bookings, written without a day: February's covers the whole month.
        .File("costs.csv", "month,amount\n2025-01,100\n2025-02,200\n")
        .Compile(Model);

    private EvaluatedReport Evaluate(ReportRequest? request = null) => _fixture.Evaluate("r", new DateOnly(2025, 12, 1), request);

    [Fact]
    public void The_report_states_each_sources_last_day_in_its_zone_and_the_day_it_was_clipped_to()
    {
        Load();
        var freshness = Evaluate().Freshness;

        // tickets: 22:30 UTC on March 20 is March 21 in Istanbul; costs: "2025-02" covers February to its 28th.
        Assert.Equal(new Dictionary<string, DateOnly>
        {
            ["churns"] = new(2025, 3, 14), ["costs"] = new(2025, 2, 28), ["customers"] = new(2025, 3, 25), ["tickets"] = new(2025, 3, 21),
        }, freshness.Sources);
        Assert.Equal(new DateOnly(2025, 2, 28), freshness.Through);
        Assert.Equal(new DateOnly(2025, 2, 28), freshness.ClippedTo);
    }

    /// <summary>Documents call a source by its label in the report's locale; one without a label by its name.</summary>
    [Fact]
    public void Each_source_is_shown_by_its_label_in_the_reports_locale()
    {
        Load();
        var english = Evaluate().Freshness; // r: no locale, so en-US
        var turkish = _fixture.Evaluate("r_tr", new DateOnly(2025, 12, 1), null).Freshness;

        Assert.Equal(new Dictionary<string, string> { ["churns"] = "Ayrılışlar" }, turkish.Labels);
        Assert.Equal("Ayrılışlar", turkish.Shown("churns"));
        Assert.Equal("tickets", turkish.Shown("tickets"));
        Assert.Equal(new Dictionary<string, string> { ["churns"] = "Churns" }, english.Labels);
    }

    [Fact]
    public void A_kpi_is_computed_up_to_the_data_end_and_compared_with_a_previous_period_as_long()
    {
        Load();
        var row = ReportFixture.Block(Evaluate(), "k").Table!.Rows[0];

        // Clipped to 1 Jan - 28 Feb (the costs' end; the report reads costs): t1, t2, t3 = 3, not the 4 of the
        // whole period. Two whole months, so the previous period is 1 Nov - 31 Dec 2024: t0 = 1.
        Assert.Equal(["tickets_n", 3L, 1L, 2.0], row[..4]);
    }

    [Fact]
    public void A_bucket_after_a_metrics_data_end_is_null_not_zero_and_a_ratio_is_null_once_either_source_ended()
    {
        Load();
        var table = ReportFixture.Block(Evaluate(), "t").Table!;

        // month, tickets (end 21 Mar), churned (customers 25 Mar, churns 14 Mar: 14 Mar), spend (28 Feb), tickets/spend (28 Feb).
        Assert.Equal([new DateOnly(2025, 1, 1), 1L, 0L, 100.0, 0.01], table.Rows[0]);
        Assert.Equal([new DateOnly(2025, 2, 1), 2L, 1L, 200.0, 0.01], table.Rows[1]);
        // March: tickets and churn events still have data (t4; c left on the 14th); the costs have none.
        Assert.Equal([new DateOnly(2025, 3, 1), 1L, 1L, null, null], table.Rows[2]);
        // April: every source has ended: unknown, not 0.
        Assert.Equal([new DateOnly(2025, 4, 1), null, null, null, null], table.Rows[3]);
    }

    [Fact]
    public void A_bucket_holding_a_data_end_or_reaching_past_the_period_is_partial()
    {
        Load();
        var report = Evaluate();

        // March holds the tickets' and churns' last days; April has no data at all (unknown, not partial).
        Assert.Equal([false, false, true, false], ReportFixture.Block(report, "t").Table!.Partial);
        // Q1: the tickets end on 21 March, inside it: all 4 tickets of Q1, partial. Q2: after the data (null) and
        // reaching past the period's 30 April: partial.
        var quarters = ReportFixture.Block(report, "q").Table!;
        Assert.Equal([[new DateOnly(2025, 1, 1), 4L], [new DateOnly(2025, 4, 1), null]], quarters.Rows);
        Assert.Equal([true, true], quarters.Partial);
    }

    [Fact]
    public void Scores_are_taken_on_the_data_end_not_on_a_period_end_after_it()
    {
        Load();
        var table = ReportFixture.Block(Evaluate(), "s").Table!;

        // As of 28 February: customers then are b, c, d (a left on 10 Feb, e signs up on 25 Mar). The 30 days up to
        // it hold b's ticket of 3 Feb and d's of 25 Feb. As of the period's 30 April there would be b, d, e, none
        // with a ticket in April: a list of zeros.
        Assert.Equal(new Dictionary<string, double> { ["b"] = 100.0, ["c"] = 0.0, ["d"] = 100.0 },
            table.Rows.ToDictionary(r => (string)r[0]!, r => (double)r[1]!));
    }

    [Fact]
    public void A_period_wholly_after_the_data_has_unknown_figures()
    {
        Load();
        var report = Evaluate(new ReportRequest(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31)));

        var kpi = ReportFixture.Block(report, "k").Table!.Rows[0];
        Assert.Null(kpi[1]);
        Assert.Null(kpi[3]);
        Assert.Equal([new DateOnly(2025, 5, 1), null, null, null, null], ReportFixture.Block(report, "t").Table!.Rows[0]);
    }

    [Fact]
    public void A_query_without_a_time_grain_over_a_period_after_a_metrics_data_end_has_that_metric_unknown()
    {
        Load();

        // March 2025 in Istanbul: the tickets end on the 21st (inside March: t4, counted), the costs on 28 February
        // (before March: spend and the ratio unknown, where counting would give 0 and a division by nothing).
        var march = _fixture.Query("tickets_n, spend, tickets_per_spend", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), "Europe/Istanbul");
        Assert.Equal([1L, null, null], Assert.Single(march.Rows));
        // May: after every source's data: unknown, not 0 tickets.
        var may = _fixture.Query("tickets_n, spend", new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), "Europe/Istanbul");
        Assert.Equal([null, null], Assert.Single(may.Rows));
    }

    [Fact]
    public void A_period_inside_the_data_is_neither_clipped_nor_partial()
    {
        Load();
        var report = Evaluate(new ReportRequest(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)));

        Assert.Null(report.Freshness.ClippedTo);
        Assert.Equal(new DateOnly(2025, 2, 28), report.Freshness.Through);
        Assert.Null(ReportFixture.Block(report, "t").Table!.Partial);
        Assert.Equal(["tickets_n", 3L, 1L, 2.0], ReportFixture.Block(report, "k").Table!.Rows[0][..4]);
    }
}

public sealed class DataFreshnessTestsOnDuckDb() : DataFreshnessTests(TestEngine.DuckDb);

public sealed class DataFreshnessTestsOnPostgres() : DataFreshnessTests(TestEngine.Postgres);
