using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// Snapshots (customers active) in a KPI or a table without a time dimension are taken at the period's effective end
/// unless written <c>at start</c>; grouped by time they keep their bucket-start definition. Expected counts are worked
/// out by hand from the lifecycles below: a customer is counted at the end of day D when signup &lt;= D and the end
/// (exclusive) is blank or after D.
/// </summary>
public abstract class SnapshotTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
          time signup: date
          time left_at: date
          lifecycle signup .. left_at
        }
        metric customers_active "Active customers" = active(customers) {
          label "tr-TR" "Aktif müşteriler"
          decimals 1
          neutral
        }
        report r_tr {
          period 2025-02-01 .. 2025-02-28
          locale "tr-TR"
          section "s" { kpi k: customers_active }
        }
        report r {
          period 2025-02-01 .. 2025-02-28
          section "s" {
            kpi k: customers_active, customers_active at start, new(customers) compare previous period
            table t: customers_active by plan
            chart line c: customers_active by month
          }
        }
        """;

    //            signup      left        start of Feb (end of 31 Jan)   end of 28 Feb   end of 15 Feb   end of 31 Jan (prev. end)   start of Jan
    // a basic    2024-12-01  -           yes                            yes             yes             yes                         yes
    // b pro      2025-01-15  2025-02-10  yes                            no              no              yes                         no
    // c pro      2025-02-05  -           no                             yes             yes             no                          no
    // d basic    2025-02-28  -           no                             yes             no              no                          no
    // e basic    2025-01-01  2025-03-01  yes                            yes             yes             yes                         no
    // f pro      2025-01-10  2025-02-28  yes                            no              yes             yes                         no
    // g basic    2024-06-01  2025-01-20  no                             no              no              no                          yes
    // h pro      2025-02-20  -           no                             yes             no              no                          no
    // i pro      2025-02-03  2025-02-20  no                             no              yes             no                          no
    //            counts:                 4                              5               5               4                           2
    private void Load() => _fixture
        .File("customers.csv", """
            id,plan,signup,left_at
            a,basic,2024-12-01,
            b,pro,2025-01-15,2025-02-10
            c,pro,2025-02-05,
            d,basic,2025-02-28,
            e,basic,2025-01-01,2025-03-01
            f,pro,2025-01-10,2025-02-28
            g,basic,2024-06-01,2025-01-20
            h,pro,2025-02-20,
            i,pro,2025-02-03,2025-02-20

            """)
        .Compile(Model);

    [Fact]
    public void A_kpi_snapshot_is_the_count_at_the_periods_end_and_compares_with_the_previous_periods_end()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k").Table!.Rows;

        Assert.Equal(["customers_active", 5L, 4L, 1.0], rows[0][..4]);
        Assert.Equal(new DateOnly(2025, 2, 28), rows[0][^1]);
    }

    [Fact]
    public void A_kpi_row_carries_the_declared_meaning_and_the_label_of_the_reports_locale()
    {
        Load();
        var english = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k").Table!.Rows[0];
        var turkish = ReportFixture.Block(_fixture.Evaluate("r_tr", new DateOnly(2025, 6, 1)), "k").Table!.Rows[0];

        // label, unit, decimals, direction, relative_change, currency, per_month, as_of
        Assert.Equal(["Active customers", "count", 1L, "neutral", true, null, false, new DateOnly(2025, 2, 28)], english[4..]);
        Assert.Equal(["Aktif müşteriler", "count", 1L, "neutral", true, null, false, new DateOnly(2025, 2, 28)], turkish[4..]);
        Assert.Equal(5L, turkish[1]);
    }

    [Fact]
    public void At_start_keeps_the_count_at_the_periods_start_dated_the_day_before()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k").Table!.Rows;

        Assert.Equal(["customers_active", 4L, 2L, 2.0], rows[1][..4]);
        Assert.Equal(new DateOnly(2025, 1, 31), rows[1][^1]);
    }

    [Fact]
    public void A_flow_in_the_same_kpi_has_no_moment()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k").Table!.Rows;

        // new customers in February: c, d, h, i.
        Assert.Equal(4L, rows[2][1]);
        Assert.Null(rows[2][^1]);
    }

    [Fact]
    public void A_period_that_runs_past_today_takes_its_snapshot_today()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 2, 15)), "k").Table!.Rows;

        Assert.Equal(5L, rows[0][1]);
        Assert.Equal(new DateOnly(2025, 2, 15), rows[0][^1]);
    }

    [Fact]
    public void A_table_by_a_field_counts_each_group_at_the_periods_end()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "t").Table!.Rows;

        // basic: a, d, e; pro: c, h.
        Assert.Equal([["basic", 3L], ["pro", 2L]], rows.Select(r => r.ToArray()));
        Assert.Equal(new DateOnly(2025, 2, 28), ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "t").Table!.Columns[1].AsOf);
    }

    [Fact]
    public void By_month_a_snapshot_keeps_its_bucket_start_definition()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "c").Table!.Rows;

        Assert.Equal([[new DateOnly(2025, 2, 1), 4L]], rows.Select(r => r.ToArray()));
        Assert.Null(ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "c").Table!.Columns[1].AsOf);
    }
}

public sealed class SnapshotTestsOnDuckDb() : SnapshotTests(TestEngine.DuckDb);

public sealed class SnapshotTestsOnPostgres() : SnapshotTests(TestEngine.Postgres);
