using CxReports.Engine.Tests.Engines;
namespace CxReports.Engine.Tests.Reports;

/// <summary>Scores lists as an executive reads them: chosen fields beside the entity, a stated tie order, an empty list that says so.</summary>
public abstract class ScoreListTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id
          column name
          column plan
          column fee: decimal
        }
        source responses from "responses.csv" {
          link customer = customer_id -> customers
          time at: date
          column score: integer
        }
        score health for customers {
          loyalty weight 1 = last(responses.score) scale 0 .. 10
          band healthy >= 70
          band at_risk
        }
        report r {
          period 2025-01-01 .. 2025-03-31
          section "s" {
            scores fee_first: health top 3 by loyalty desc, fee desc show name, plan
            scores cheap_first: health top 2 by loyalty desc, fee asc
            scores by_key: health top 3 by loyalty desc
            scores none: health where band = "at_risk" empty "Risk altında müşteri yok"
          }
        }
        """;

    private Engine.Reports.EvaluatedReport? _report;

    private Engine.Reports.EvaluatedBlock Block(string id)
    {
        // Four advocates answer 10 (loyalty 100): k1 fee 30, k2 and k3 fee 50, k5 fee 10; k4 answers 8 (80).
        _report ??= _fixture
            .File("customers.csv", "id,name,plan,fee\nk1,Kaya Ltd,pro,30\nk2,Akın AŞ,basic,50\nk3,Öz Gıda,pro,50\nk4,Can Tekstil,basic,90\nk5,Er Yapı,pro,10\n")
            .File("responses.csv", "customer_id,at,score\nk1,2025-02-01,10\nk2,2025-02-01,10\nk3,2025-02-01,10\nk4,2025-02-01,8\nk5,2025-02-01,10\n")
            .Compile(Model)
            .Evaluate("r", today: new DateOnly(2025, 6, 1));
        return ReportFixture.Block(_report, id);
    }

    private Engine.Results.ResultTable Evaluate(string id) => Block(id).Table!;

    [Fact]
    public void Ties_are_broken_by_the_stated_second_key_and_then_by_the_entity_key()
    {
        // loyalty desc ties four at 100; fee desc puts k2 and k3 (50) before k1 (30); the key orders k2 before k3.
        Assert.Equal(["k2", "k3", "k1"], Evaluate("fee_first").Rows.Select(r => (string)r[0]!));
        // fee asc: k5 (10), then k1 (30).
        Assert.Equal(["k5", "k1"], Evaluate("cheap_first").Rows.Select(r => (string)r[0]!));
        // Without a second key the entity key cuts the tie: k1, k2, k3 (k5 is left out, not a random one).
        Assert.Equal(["k1", "k2", "k3"], Evaluate("by_key").Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void Shown_fields_stand_beside_the_entity_key_and_a_sort_key_not_shown_follows_the_components()
    {
        var table = Evaluate("fee_first");

        Assert.Equal(["id", "name", "plan", "score", "band", "loyalty", "fee"], table.Columns.Select(c => c.Name));
        Assert.Equal(["Akın AŞ", "basic"], new[] { table.Rows[0][1], table.Rows[0][2] });
        Assert.Equal(["Öz Gıda", "pro"], new[] { table.Rows[1][1], table.Rows[1][2] });
        Assert.Equal(50.0, Convert.ToDouble(table.Rows[0][6], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_empty_list_carries_the_sentence_the_analyst_wrote()
    {
        var block = Block("none");

        Assert.Empty(block.Table!.Rows);
        Assert.Equal("Risk altında müşteri yok", block.Empty);
    }
}

public sealed class ScoreListTestsOnDuckDb() : ScoreListTests(TestEngine.DuckDb);

public sealed class ScoreListTestsOnPostgres() : ScoreListTests(TestEngine.Postgres);
