using CxReports.Engine.Tests.Engines;
namespace CxReports.Engine.Tests.Reports;

public abstract class CohortTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id
          time signup: date
          time left: date
          lifecycle signup .. left
        }
        report r {
          period 2025-01-01 .. 2025-03-31
          section "s" { cohort c: customers by month over 3 }
        }
        """;

    [Fact]
    public void Each_cell_is_the_share_of_the_cohort_still_a_customer_on_the_last_day_of_month_c_plus_k()
    {
        _fixture.File("customers.csv", """
            id,signup,left
            a,2024-12-15,
            b,2025-01-03,
            c,2025-01-10,2025-01-31
            d,2025-01-20,2025-02-01
            e,2025-01-25,2025-03-15
            f,2025-02-02,
            g,2025-02-05,2025-02-28
            h,2024-12-20,2025-03-31
            """).Compile(Model);

        // h started before the period (in no cohort); leaving on March 31 it shows the data reaches through the
        // period's last day, so no month is cut off at an earlier data end.
        var table = ReportFixture.Block(_fixture.Evaluate("r", today: new DateOnly(2025, 6, 1)), "c").Table!;

        // January cohort: b, c, d, e (a started before the period). Last day of January: c left on the 31st
        // (not > Jan 31), so b, d, e remain: 3/4. End of February: d left Feb 1, so b, e: 2/4. End of March: e left
        // Mar 15: b only, 1/4.
        Assert.Equal([new DateOnly(2025, 1, 1), 4L, 75.0, 50.0, 25.0], table.Rows[0]);
        // February cohort: f, g. End of February: g left Feb 28, not after it: 1/2; then 1/2 in March. April ends
        // after the as-of date (the period's last day, March 31, since today is later): null.
        Assert.Equal([new DateOnly(2025, 2, 1), 2L, 50.0, 50.0, null], table.Rows[1]);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Cells_whose_month_ends_after_the_as_of_date_are_null()
    {
        _fixture.File("customers.csv", "id,signup,left\na,2025-01-03,\nb,2025-03-01,\n").Compile(Model);

        // Today is 2025-02-10: the as-of date; only January has ended. The March cohort is in the period, so it
        // has its row, but none of its months has ended yet.
        var table = ReportFixture.Block(_fixture.Evaluate("r", today: new DateOnly(2025, 2, 10)), "c").Table!;

        Assert.Equal([new DateOnly(2025, 1, 1), 1L, 100.0, null, null], table.Rows[0]);
        Assert.Equal([new DateOnly(2025, 3, 1), 1L, null, null, null], table.Rows[1]);
    }
}

public sealed class CohortTestsOnDuckDb() : CohortTests(TestEngine.DuckDb);

public sealed class CohortTestsOnPostgres() : CohortTests(TestEngine.Postgres);
