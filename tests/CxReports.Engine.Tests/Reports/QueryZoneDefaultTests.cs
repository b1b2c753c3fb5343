using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// A typed query without a zone buckets time in the model block's zone, as a report without its own does, so the
/// figure a query gives is the report's; a zone asked for still wins, and a model without a block stays in UTC.
/// </summary>
public abstract class QueryZoneDefaultTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private static readonly DateOnly From = new(2025, 11, 1), To = new(2025, 12, 31);

    // Answer 1, 22:30 UTC on November 30, is 01:30 on December 1 in Istanbul (UTC+3).
    private const string Responses = """
        id,answered_at,score
        1,2025-11-30T22:30:00Z,10
        2,2025-12-10T10:00:00Z,0
        3,2025-12-15T10:00:00Z,9
        4,2025-11-10T10:00:00Z,3
        """;

    private const string Model = """
        source responses from "responses.csv" {
          key id
          time answered_at: timestamp
          column score: integer
        }
        metric nps = nps(responses.score)
        report r {
          period 2025-11-01 .. 2025-12-31
          section "s" { table t: nps by month }
        }
        """;

    private const string IstanbulBlock = "model {\n  timezone \"Europe/Istanbul\"\n}\n";

    /// <summary>NPS by month as (first day of the month, NPS), read from the table's two columns.</summary>
    private static (string Month, double Nps)[] ByMonth(ResultTable table) =>
        table.Rows.Select(r => (((DateOnly)r[0]!).ToString("yyyy-MM-dd"), Math.Round(Convert.ToDouble(r[1]), 2))).ToArray();

    [Fact]
    public void Without_a_zone_a_query_takes_the_model_blocks_and_gives_the_reports_december()
    {
        _fixture.File("responses.csv", Responses).Compile(IstanbulBlock + Model);

        var query = ByMonth(_fixture.Query("nps by month", From, To));
        var report = ByMonth(ReportFixture.Block(_fixture.Evaluate("r", new DateOnly(2026, 1, 15)), "t").Table!);

        // Istanbul: November holds answer 4 (3, a detractor): -100. December holds 10, 0, 9: 2 promoters and
        // 1 detractor of 3, 100 × (2 − 1) / 3 = 33.33.
        Assert.Equal([("2025-11-01", -100.0), ("2025-12-01", 33.33)], query);
        Assert.Equal(query, report);
    }

    [Fact]
    public void A_zone_asked_for_wins_over_the_model_blocks()
    {
        _fixture.File("responses.csv", Responses).Compile(IstanbulBlock + Model);

        // UTC: November holds 10 and 3 (1 promoter, 1 detractor): 0; December holds 0 and 9: 0.
        Assert.Equal([("2025-11-01", 0.0), ("2025-12-01", 0.0)], ByMonth(_fixture.Query("nps by month", From, To, "UTC")));
    }

    [Fact]
    public void Without_a_model_block_a_query_without_a_zone_is_in_utc_as_before()
    {
        _fixture.File("responses.csv", Responses).Compile(Model);

        Assert.Equal([("2025-11-01", 0.0), ("2025-12-01", 0.0)], ByMonth(_fixture.Query("nps by month", From, To)));
    }
}

public sealed class QueryZoneDefaultTestsOnDuckDb() : QueryZoneDefaultTests(TestEngine.DuckDb);

public sealed class QueryZoneDefaultTestsOnPostgres() : QueryZoneDefaultTests(TestEngine.Postgres);
