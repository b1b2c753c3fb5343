using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Metrics;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// A report filter whose <c>unless</c> holds for the request's parameter values is left out of the statement when
/// it is planned, with the join to the fields it reads (the answers of every customer need no join to the customers);
/// one that does not hold filters through the join as before.
/// </summary>
public abstract class SwitchedOffFilterTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, """
            source customers from "customers.csv" {
              key id
              column plan
            }
            source responses from "responses.csv" {
              link customer = customer_id -> customers
              time at: date
              column score: integer
            }
            metric n = count(responses)
            report r {
              period 2025-02-01 .. 2025-02-28
              param plan: text = "all" in ("all", "basic", "pro")
              filter customer.plan = plan unless plan = "all" or plan = "everyone"
              section "s" { kpi k: n }
            }
            """,
        ("customers.csv", Csv("id,plan", "a,basic", "b,pro")),
        // February: a twice, b once, and one anonymous answer.
        ("responses.csv", Csv("customer_id,at,score", "a,2025-02-01,10", "a,2025-02-28,9", "b,2025-02-15,6", ",2025-02-16,7")));

    [Theory]
    [InlineData("all", false, 4L)]
    [InlineData("pro", true, 1L)]
    [InlineData("basic", true, 2L)]
    public void A_filter_switched_off_by_the_parameters_is_planned_without_its_join(string plan, bool joins, long answers)
    {
        ReportPlanner planner = new(_w.Model, _w.Dialect, TimeProvider.System);
        Dsl.Model.ReportModel report = _w.Model.Reports["r"];
        (ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) = planner.Resolve(report,
            new ReportRequest(Params: new Dictionary<string, object?> { ["plan"] = plan }));
        PlannedQuery planned = planner.Plan(report, report.Sections[0].Blocks[0], period, values)!;

        Assert.Equal(joins, planned.Sql.Contains("JOIN \"customers\"", StringComparison.Ordinal));
        ResultTable t = _w.Execute(planned, plan);
        Assert.Equal(answers, t.Rows.Single()[0]);
    }

    public void Dispose() => _w.Dispose();
}

public sealed class SwitchedOffFilterTestsOnDuckDb() : SwitchedOffFilterTests(TestEngine.DuckDb);

public sealed class SwitchedOffFilterTestsOnPostgres() : SwitchedOffFilterTests(TestEngine.Postgres);
