using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// The shape of a query's result (dsl.md "Queries", metrics.md "Conventions"): every bucket × every field value
/// seen, blank links as their own group, filters through links, time zones, grains, top N, composed metrics.
/// </summary>
public abstract class QueryShapeTests(TestEngine engine) : EngineTests(engine), IDisposable
{
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
        }
        source tickets from "tickets.csv" {
          key id
          link customer = customer_id -> customers
          time opened: date
          column channel
        }
        metric responses_n = count(responses)
        metric nps = nps(responses.score)
        metric promoters = count(responses) where responses.score >= 9
        metric promoter_pct = 100 * promoters / responses_n
        metric tickets_per_response = count(tickets) / count(responses)
        metric tickets_n = count(tickets)
        """;

    private static readonly (string, string) Customers = ("customers.csv", Csv("id,plan,signup", "c1,pro,2024-01-01", "c2,basic,2024-01-01"));

    // January: 10 and 9 (web, c1 pro / c2 basic), 3 (web, no customer), 7 (phone, c9: no such customer).
    // February: nothing. March: 10 (phone, c1) and 0 (blank channel, c2). December's email answer is outside the period.
    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model, Customers,
        ("responses.csv", Csv("id,customer_id,at,channel,score",
            "r0,c1,2024-12-20T10:00:00Z,email,10",
            "r1,c1,2025-01-05T10:00:00Z,web,10",
            "r2,c2,2025-01-06T10:00:00Z,web,9",
            "r3,,2025-01-07T10:00:00Z,web,3",
            "r4,c9,2025-01-08T10:00:00Z,phone,7",
            "r5,c1,2025-03-10T10:00:00Z,phone,10",
            "r6,c2,2025-03-20T10:00:00Z,,0")),
        ("tickets.csv", Csv("id,customer_id,opened,channel",
            "t1,c1,2025-01-03,phone", "t2,c2,2025-01-04,phone", "t3,,2025-01-20,email", "t4,c1,2025-02-11,phone", "t5,c2,2025-02-12,chat")));

    private ResultTable Q1(string query) => _w.Query(query, "2025-01-01", "2025-03-31");

    [Fact]
    public void A_month_without_rows_is_present_with_0_count_and_null_nps()
    {
        ResultTable t = Q1("nps, responses_n by month");
        Assert.Equal(["month", "nps", "responses_n"], t.Columns.Select(c => c.Name));
        Assert.Equal([Day("2025-01-01"), Day("2025-02-01"), Day("2025-03-01")], t.Rows.Select(r => (DateOnly)r[0]!));
        Assert.Equal(0L, t.Count("responses_n", "2025-02-01"));
        Assert.Null(t.Number("nps", "2025-02-01"));
        Assert.Equal(25.0, t.Number("nps", "2025-01-01")!.Value, 9); // 10, 9, 3, 7: (2 - 1) / 4
        Assert.Equal(0.0, t.Number("nps", "2025-03-01")!.Value, 9);  // 10, 0
    }

    [Fact]
    public void Every_bucket_appears_with_every_field_value_seen_in_the_period()
    {
        ResultTable t = Q1("responses_n, nps by month, channel");
        // Values seen in the period: web, phone and blank (null); December's email is not. 3 months × 3 values.
        Assert.Equal(9, t.Rows.Count);
        Assert.DoesNotContain(t.Rows, r => Equals(r[1], "email"));
        Assert.Equal(3L, t.Count("responses_n", "2025-01-01", "web"));
        Assert.Equal(100.0 / 3, t.Number("nps", "2025-01-01", "web")!.Value, 9);
        Assert.Equal(0L, t.Count("responses_n", "2025-02-01", "phone"));
        Assert.Null(t.Number("nps", "2025-02-01", "phone"));
        Assert.Equal(0L, t.Count("responses_n", "2025-03-01", "web"));
        Assert.Equal(-100.0, t.Number("nps", "2025-03-01", null)!.Value, 9); // the blank channel is a group of its own
    }

    [Fact]
    public void Rows_whose_link_is_blank_or_unmatched_form_a_group_whose_value_is_null()
    {
        ResultTable t = Q1("responses_n, nps by customer.plan");
        Assert.Equal(["customer.plan", "responses_n", "nps"], t.Columns.Select(c => c.Name));
        Assert.Equal(3, t.Rows.Count);
        Assert.Equal(2L, t.Count("responses_n", "pro"));    // r1, r5
        Assert.Equal(100.0, t.Number("nps", "pro")!.Value, 9);
        Assert.Equal(2L, t.Count("responses_n", "basic"));  // r2 9, r6 0
        Assert.Equal(0.0, t.Number("nps", "basic")!.Value, 9);
        Assert.Equal(2L, t.Count("responses_n", ResultReading.NullGroup));     // r3 (blank) 3, r4 (c9) 7
        Assert.Equal(-50.0, t.Number("nps", ResultReading.NullGroup)!.Value, 9);
    }

    [Fact]
    public void A_where_on_a_linked_field_filters_each_source_through_its_own_link()
    {
        ResultTable t = Q1("nps, responses_n, count(tickets) where customer.plan = \"pro\"");
        Assert.Equal(100.0, t.Single("nps")!.Value, 9);     // r1 10, r5 10
        Assert.Equal(2L, t.Count("responses_n"));
        Assert.Equal(2L, t.Count("count(tickets)"));        // t1, t4

        ResultTable months = Q1("responses_n by month where customer.plan = \"pro\"");
        Assert.Equal(3, months.Rows.Count);
        Assert.Equal(0L, months.Count("responses_n", "2025-02-01"));
    }

    [Fact]
    public void A_dimension_of_several_sources_takes_the_values_seen_in_any_of_them()
    {
        ResultTable t = Q1("count(tickets), responses_n by channel");
        // tickets: phone 3, email 1, chat 1; responses: web 3, phone 2, blank 1.
        Assert.Equal(5, t.Rows.Count);
        Assert.Equal(3L, t.Count("count(tickets)", "phone"));
        Assert.Equal(2L, t.Count("responses_n", "phone"));
        Assert.Equal(0L, t.Count("count(tickets)", "web"));
        Assert.Equal(0L, t.Count("responses_n", "chat"));
        Assert.Equal(1L, t.Count("count(tickets)", "email"));
    }

    [Fact]
    public void Timestamps_are_bucketed_in_the_report_time_zone()
    {
        using MetricWarehouse w = Load(Model, Customers, ("tickets.csv", Csv("id,customer_id,opened,channel")),
            ("responses.csv", Csv("id,customer_id,at,channel,score",
                "r1,c1,2025-03-31T23:30:00+00:00,web,10",   // 02:30 on 1 April in Istanbul (UTC+3)
                "r2,c1,2025-04-01T01:30:00+03:00,web,0",    // 22:30 UTC on 31 March
                "r3,c1,2025-03-31T20:59:00Z,web,9")));      // 23:59 on 31 March in Istanbul
        ResultTable istanbul = w.Query("responses_n by month", "2025-03-01", "2025-04-30", "Europe/Istanbul");
        Assert.Equal(1L, istanbul.Count("responses_n", "2025-03-01"));
        Assert.Equal(2L, istanbul.Count("responses_n", "2025-04-01"));
        ResultTable utc = w.Query("responses_n by month", "2025-03-01", "2025-04-30");
        Assert.Equal(3L, utc.Count("responses_n", "2025-03-01"));
        Assert.Equal(0L, utc.Count("responses_n", "2025-04-01"));
        // The period is in local days too: April alone holds r1 and r2 in Istanbul (NPS (1 - 1) / 2), nothing in UTC.
        ResultTable april = w.Query("responses_n, nps", "2025-04-01", "2025-04-30", "Europe/Istanbul");
        Assert.Equal(2L, april.Count("responses_n"));
        Assert.Equal(0.0, april.Single("nps")!.Value, 9);
        Assert.Equal(0L, w.Query("responses_n", "2025-04-01", "2025-04-30").Count("responses_n"));
    }

    [Fact]
    public void Dates_are_taken_as_they_are_and_zones_west_of_UTC_move_instants_back()
    {
        using MetricWarehouse w = Load(Model, Customers,
            ("tickets.csv", Csv("id,customer_id,opened,channel", "t1,c1,2025-03-31,web")),
            ("responses.csv", Csv("id,customer_id,at,channel,score", "r1,c1,2025-04-01T02:00:00Z,web,10")));
        // The ticket's date stays in March whatever the zone; the answer is 22:00 on 31 March in New York (UTC-4).
        ResultTable t = w.Query("count(tickets), responses_n by month", "2025-03-01", "2025-04-30", "America/New_York");
        Assert.Equal(1L, t.Count("count(tickets)", "2025-03-01"));
        Assert.Equal(1L, t.Count("responses_n", "2025-03-01"));
        Assert.Equal(0L, t.Count("responses_n", "2025-04-01"));
        ResultTable istanbul = w.Query("count(tickets), responses_n by month", "2025-03-01", "2025-04-30", "Europe/Istanbul");
        Assert.Equal(1L, istanbul.Count("count(tickets)", "2025-03-01"));
        Assert.Equal(1L, istanbul.Count("responses_n", "2025-04-01"));
    }

    [Fact]
    public void Weeks_start_on_Monday_and_other_grains_on_their_first_day()
    {
        using MetricWarehouse w = Load(Model, Customers, ("tickets.csv", Csv("id,customer_id,opened,channel")),
            ("responses.csv", Csv("id,customer_id,at,channel,score",
                "r1,c1,2025-03-02T12:00:00Z,web,10",    // Sunday: the week of Monday 24 February
                "r2,c1,2025-03-03T00:00:00Z,web,10",    // Monday
                "r3,c1,2025-03-09T23:59:59Z,web,10",    // Sunday: same week as r2
                "r4,c1,2025-03-10T08:00:00Z,web,10")));
        ResultTable weeks = w.Query("responses_n by week", "2025-03-01", "2025-03-16");
        Assert.Equal([Day("2025-02-24"), Day("2025-03-03"), Day("2025-03-10")], weeks.Rows.Select(r => (DateOnly)r[0]!));
        Assert.Equal(1L, weeks.Count("responses_n", "2025-02-24"));
        Assert.Equal(2L, weeks.Count("responses_n", "2025-03-03"));
        Assert.Equal(1L, weeks.Count("responses_n", "2025-03-10"));

        ResultTable days = w.Query("responses_n by day", "2025-03-02", "2025-03-04");
        Assert.Equal([1L, 1L, 0L], days.Rows.Select(r => (long)r[1]!));
        ResultTable years = _w.Query("responses_n by year", "2024-12-01", "2025-03-31");
        Assert.Equal(1L, years.Count("responses_n", "2024-01-01"));  // r0 in December
        Assert.Equal(6L, years.Count("responses_n", "2025-01-01"));
    }

    [Fact]
    public void Top_n_keeps_the_largest_rows_of_a_metric_in_the_query_or_not()
    {
        // In the period: web 3 answers (10, 9, 3: NPS 33.3), phone 2 (7, 10: NPS 50), blank 1 (0: NPS -100).
        ResultTable byCount = Q1("responses_n by channel top 2");
        Assert.Equal(["web", "phone"], byCount.Rows.Select(r => (string?)r[0]));
        ResultTable byNps = Q1("responses_n, nps by channel top 1 by nps");
        Assert.Equal("phone", Assert.Single(byNps.Rows)[0]);
        ResultTable ascending = Q1("nps by channel top 1 by nps asc");
        Assert.Null(Assert.Single(ascending.Rows)[0]);
        ResultTable other = Q1("nps by channel top 1 by responses_n");
        Assert.Equal("web", Assert.Single(other.Rows)[0]);
        Assert.Equal(["nps"], other.Columns.Skip(1).Select(c => c.Name)); // ranked by, not shown
        // Months ranked by another source's metric: tickets January 3, February 2, March 0.
        ResultTable busiest = Q1("responses_n by month top 1 by count(tickets)");
        Assert.Equal(Day("2025-01-01"), Assert.Single(busiest.Rows)[0]);
        // By a field, another source's metric would not be grouped like the rows: refused with a reason, not a crash.
        PlanningException e = Assert.Throws<PlanningException>(() => Q1("nps by channel top 1 by count(tickets)"));
        Assert.Contains("add count(tickets) to the query's metrics", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_tied_at_the_cut_of_a_top_n_are_taken_in_dimension_order()
    {
        // Twelve channels with one ticket each, written in reverse order, and "z" with two: every run on every
        // engine must keep z and then the first channels by name, not whichever tied rows a hash table gives first.
        var channels = Enumerable.Range(1, 12).Select(i => $"ch{i:00}").Reverse().Append("z").Append("z").ToArray();
        using MetricWarehouse w = Load(Model, Customers,
            ("responses.csv", Csv("id,customer_id,at,channel,score")),
            ("tickets.csv", Csv(["id,customer_id,opened,channel", .. channels.Select((c, i) => $"t{i},c1,2025-01-{i + 1:00},{c}")])));
        ResultTable top = w.Query("tickets_n by channel top 4", "2025-01-01", "2025-01-31");
        Assert.Equal(["z", "ch01", "ch02", "ch03"], top.Rows.Select(r => (string?)r[0]));
        ResultTable bottom = w.Query("tickets_n by channel top 3 by tickets_n asc", "2025-01-01", "2025-01-31");
        Assert.Equal(["ch01", "ch02", "ch03"], bottom.Rows.Select(r => (string?)r[0]));
    }

    [Fact]
    public void An_ungrouped_query_gives_one_row_of_metric_columns()
    {
        ResultTable t = Q1("nps, responses_n");
        Assert.Equal(["nps", "responses_n"], t.Columns.Select(c => c.Name));
        Assert.Single(t.Rows);
        Assert.Equal(100.0 / 6, t.Single("nps")!.Value, 9); // 10, 9, 3, 7, 10, 0: (3 - 2) / 6
        Assert.Equal(6L, t.Count("responses_n"));
    }

    [Fact]
    public void A_composed_metric_is_computed_per_bucket_from_its_parts()
    {
        ResultTable t = Q1("promoter_pct, tickets_per_response by month");
        Assert.Equal(50.0, t.Number("promoter_pct", "2025-01-01")!.Value, 9);        // 2 of 4
        Assert.Equal(50.0, t.Number("promoter_pct", "2025-03-01")!.Value, 9);        // 1 of 2
        Assert.Equal(0.75, t.Number("tickets_per_response", "2025-01-01")!.Value, 9); // 3 tickets / 4 responses
        Assert.Equal(0.0, t.Number("tickets_per_response", "2025-03-01")!.Value, 9);  // 0 / 2
        // Over the period the parts are summed first: 3 of 6 and 5 / 6, not the mean of the monthly ratios.
        ResultTable whole = Q1("promoter_pct, tickets_per_response");
        Assert.Equal(50.0, whole.Single("promoter_pct")!.Value, 9);
        Assert.Equal(5.0 / 6, whole.Single("tickets_per_response")!.Value, 9);
        ResultTable byPlan = Q1("promoter_pct by customer.plan");
        Assert.Equal(100.0, byPlan.Number("promoter_pct", "pro")!.Value, 9);   // 2 of 2
        Assert.Equal(0.0, byPlan.Number("promoter_pct", ResultReading.NullGroup)!.Value, 9);      // 0 of 2
    }

    [Fact]
    public void Division_by_zero_is_null_never_0_or_infinity()
    {
        ResultTable t = Q1("promoter_pct, tickets_per_response, responses_n / count(tickets) by month");
        Assert.Null(t.Number("promoter_pct", "2025-02-01"));          // 0 / 0
        Assert.Null(t.Number("tickets_per_response", "2025-02-01"));  // 2 tickets / 0 responses
        Assert.Null(t.Number("responses_n / count(tickets)", "2025-03-01")); // 2 / 0
        Assert.Equal(4.0 / 3, t.Number("responses_n / count(tickets)", "2025-01-01")!.Value, 9);
        Assert.Equal(ColumnType.Number, t.Columns[t.IndexOf("promoter_pct")].Type);
    }

    public void Dispose() => _w.Dispose();
}

public sealed class QueryShapeTestsOnDuckDb() : QueryShapeTests(TestEngine.DuckDb);

public sealed class QueryShapeTestsOnPostgres() : QueryShapeTests(TestEngine.Postgres);
