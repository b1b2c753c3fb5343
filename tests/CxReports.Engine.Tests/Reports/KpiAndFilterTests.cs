using CxReports.Engine.Reports;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Reports;

public abstract class KpiAndFilterTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
        }
        source responses from "responses.csv" {
          link customer = customer_id -> customers
          time at: date
          column score: integer
        }
        metric nps = nps(responses.score)
        metric n "Yanıt sayısı (İzmir & Şanlıurfa)" = count(responses)
        report r {
          period 2025-02-01 .. 2025-02-28
          param plan: text = "all" in ("all", "basic", "pro")
          filter customer.plan = plan unless plan = "all"
          section "s" { kpi k: nps, n compare previous period }
        }
        """;

    private void Load() => _fixture
        .File("customers.csv", "id,plan\na,basic\nb,pro\n")
        // January: a 10, b 0 -> NPS 0, n 2. February: a 10, a 9, b 6 -> NPS (2 - 1) / 3 = 33.33, n 3.
        .File("responses.csv", "customer_id,at,score\na,2025-01-10,10\nb,2025-01-11,0\na,2025-02-01,10\na,2025-02-28,9\nb,2025-02-15,6\n")
        .Compile(Model);

    [Fact]
    public void A_kpi_compares_with_the_period_of_equal_length_just_before()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k").Table!.Rows;

        Assert.Equal("nps", rows[0][0]);
        Assert.Equal(100.0 / 3, (double)rows[0][1]!, 9);
        Assert.Equal(0.0, (double)rows[0][2]!, 9);
        Assert.Equal(100.0 / 3, (double)rows[0][3]!, 9);
        Assert.Equal(["n", 3L, 2L, 1.0], rows[1][..4]);
    }

    [Fact]
    public void Each_kpi_row_carries_its_metrics_label_unit_decimals_direction_and_whether_a_relative_change_fits()
    {
        Load();
        var rows = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k").Table!.Rows;

        // nps has no label (its name stands in), is a score to one decimal, better when higher, and no relative change.
        Assert.Equal(["nps", "score", 1L, "higher", false, null, false, null], rows[0][4..]);
        // n keeps its label's Turkish letters; a count, whole, neither better nor worse, and a relative change fits.
        Assert.Equal(["Yanıt sayısı (İzmir & Şanlıurfa)", "count", 0L, "neutral", true, null, false, null], rows[1][4..]);
    }

    [Fact]
    public void A_param_filters_through_the_link_and_its_unless_switches_the_filter_off()
    {
        Load();
        var pro = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1), new ReportRequest(Params: new Dictionary<string, object?> { ["plan"] = "pro" })), "k");
        // Only b's answers: February 6 (a detractor): NPS -100; January 0: -100.
        Assert.Equal([-100.0, -100.0], new[] { pro.Table!.Rows[0][1], pro.Table.Rows[0][2] });

        var all = ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2025, 6, 1)), "k");
        Assert.Equal(3L, all.Table!.Rows[1][1]);
    }

    [Fact]
    public void A_param_value_outside_its_choices_is_refused_with_the_allowed_values()
    {
        Load();
        var error = Assert.Throws<ReportArgumentException>(() =>
            _fixture.Evaluate("r", new DateOnly(2025, 6, 1), new ReportRequest(Params: new Dictionary<string, object?> { ["plan"] = "gold" })));
        Assert.Equal("plan", error.Parameter);
        Assert.Equal(["all", "basic", "pro"], error.Allowed);
    }
}

public sealed class KpiAndFilterTestsOnDuckDb() : KpiAndFilterTests(TestEngine.DuckDb);

public sealed class KpiAndFilterTestsOnPostgres() : KpiAndFilterTests(TestEngine.Postgres);
