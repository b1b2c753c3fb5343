using CxReports.Engine.Tests.Engines;
namespace CxReports.Engine.Tests.Reports;

public abstract class ScoreTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id
          column fee: decimal
          time signup: date
          time left: date
          lifecycle signup .. left
        }
        source events from "events.csv" {
          link customer = customer_id -> customers
          time at: date
        }
        source responses from "responses.csv" {
          link customer = customer_id -> customers
          time at: date
          column score: integer
        }
        score health for customers {
          usage weight 40 = count(events) within 30 days scale 0 .. 10
          loyalty weight 60 = last(responses.score) scale 0 .. 10
          band healthy >= 70
          band neutral >= 40
          band at_risk
        }
        report r {
          period 2025-01-01 .. 2025-03-31
          section "s" { scores s: health }
        }
        """;

    [Fact]
    public void Components_use_the_window_up_to_the_as_of_date_and_a_missing_component_renormalises_the_weights()
    {
        _fixture
            .File("customers.csv", "id,fee,signup,left\na,10,2024-01-01,\nb,20,2024-01-01,\nc,30,2024-01-01,\ngone,5,2024-01-01,2025-02-01\n")
            // As-of = 2025-03-31; the 30-day window is (2025-03-01, 2025-03-31].
            .File("events.csv", "customer_id,at\na,2025-03-31\na,2025-03-02\na,2025-03-01\na,2025-04-01\nb,2025-03-15\n")
            // a's last answer up to the as-of date is 9 (the April answer is after it); b never answered.
            .File("responses.csv", "customer_id,at,score\na,2025-01-05,3\na,2025-03-20,9\na,2025-04-02,0\nc,2025-02-01,4\n")
            .Compile(Model);

        var table = ReportFixture.Block(_fixture.Evaluate("r", today: new DateOnly(2025, 6, 1)), "s").Table!;
        var rows = table.Rows.ToDictionary(r => (string)r[0]!);

        // 'gone' left before the as-of date: not scored.
        Assert.Equal(["a", "b", "c"], rows.Keys.Order());
        // a: usage 2 events in the window -> 20; loyalty 9 -> 90; score (40*20 + 60*90) / 100 = 62 -> neutral.
        Assert.Equal([20.0, 90.0], new[] { rows["a"][3], rows["a"][4] });
        Assert.Equal(62.0, (double)rows["a"][1]!, 9);
        Assert.Equal("neutral", rows["a"][2]);
        // b: usage 1 -> 10, no answer: loyalty null, weights renormalised to usage alone: 10 -> at_risk.
        Assert.Null(rows["b"][4]);
        Assert.Equal(10.0, (double)rows["b"][1]!, 9);
        Assert.Equal("at_risk", rows["b"][2]);
        // c: no events counts as 0 (a count of no rows is 0), loyalty 4 -> 40: (0 + 60*40) / 100 = 24.
        Assert.Equal(0.0, rows["c"][3]);
        Assert.Equal(24.0, (double)rows["c"][1]!, 9);
        // Ordered worst first when no ranking is asked for.
        Assert.Equal(["b", "c", "a"], table.Rows.Select(r => (string)r[0]!));
    }
}

public sealed class ScoreTestsOnDuckDb() : ScoreTests(TestEngine.DuckDb);

public sealed class ScoreTestsOnPostgres() : ScoreTests(TestEngine.Postgres);
