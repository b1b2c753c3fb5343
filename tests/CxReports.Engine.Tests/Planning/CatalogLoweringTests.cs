using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// The catalog (CxReports.Dsl) says what each function means; the engine says how it lowers on each dialect. Every
/// function of the catalog must plan on both, so a function added to the catalog without its SQL fails here.
/// </summary>
public class CatalogLoweringTests
{
    private const string Sources = """
        source customers from "customers.csv" {
          key id
          time signup: date
          column ended: date
          lifecycle signup .. ended
        }
        source responses from "responses.csv" {
          key id
          time at: date
          column score: integer
        }
        source invoices from "invoices.csv" {
          key id
          link customer = customer_id -> customers
          time issued: date
          column amount: decimal
          recurring amount per month
        }
        """;

    /// <summary>A call of the function on a source it applies to, as an analyst would write it.</summary>
    private static string Call(AggregateFunction function) => function switch
    {
        { Requires: SourceRequirement.Lifecycle } => $"{function.Name}(customers)",
        { Requires: SourceRequirement.Recurring } => $"{function.Name}(invoices)",
        { Input: AggregateInput.Source or AggregateInput.SourceOrValue } => $"{function.Name}(responses)",
        { Input: AggregateInput.Condition } => $"{function.Name}(responses.score >= 9)",
        { TakesPercentile: true } => $"{function.Name}(responses.score, 90)",
        _ => $"{function.Name}(responses.score)",
    };

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public void Every_function_of_the_catalog_lowers_to_SQL_on_the_dialect(string dialectName)
    {
        ISqlDialect dialect = dialectName == "duckdb" ? DuckDbDialect.Instance : PostgresDialect.Instance;
        var functions = FunctionCatalog.Aggregates.Values.Where(f => f.Name != "retention").ToList();
        var metrics = string.Join("\n", functions.Select(f => $"metric m_{f.Name} = {Call(f)}"));
        var compiled = ModelBinder.Compile([new SourceFile("m.cxr", Sources + "\n" + metrics)]);
        Assert.True(compiled.Diagnostics.Count == 0, string.Join("\n", compiled.Diagnostics));
        var model = compiled.Model!;
        var planner = new QueryPlanner(new PlanContext(model, dialect,
            ResolvedPeriod.Of(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31)), "UTC", new Dictionary<string, object?>(), []));

        foreach (var function in functions)
        {
            var metric = model.Metrics[$"m_{function.Name}"];
            var reference = new BoundMetricReference(metric.Name, metric.Span);
            var planned = planner.Plan(new BoundQuery([new QueryMetric(metric.Name, reference, metric.Meaning, metric.Monthly, metric.Span)], [], null, null, metric.Span));
            Assert.Equal(metric.Name, Assert.Single(planned.Columns).Name);
            // The result column carries the catalog's meaning, labelled by the metric (no label written: its name).
            Assert.Equal(function.Meaning with { Label = metric.Name, PerMonth = function.Monthly }, planned.Columns[0].Meaning);
            // A snapshot also lowers as taken at the period's end.
            if (function.Snapshot)
                Assert.Single(planner.Plan(new BoundQuery([new QueryMetric(metric.Name, reference, metric.Meaning, metric.Monthly, metric.Span) { At = Moment.End }],
                    [], null, null, metric.Span)).Columns);
        }
    }

    [Fact]
    public void Retention_is_the_one_function_shown_only_by_a_cohort_block()
    {
        var compiled = ModelBinder.Compile([new SourceFile("m.cxr", Sources + "\nmetric kept = retention(customers)")]);
        var metric = compiled.Model!.Metrics["kept"];
        var planner = new QueryPlanner(new PlanContext(compiled.Model, DuckDbDialect.Instance,
            ResolvedPeriod.Of(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31)), "UTC", new Dictionary<string, object?>(), []));

        var error = Assert.Throws<PlanningException>(() => planner.Plan(new BoundQuery(
            [new QueryMetric("kept", new BoundMetricReference("kept", metric.Span), metric.Meaning, false, metric.Span)], [], null, null, metric.Span)));
        Assert.Contains("cohort block", error.Message);
    }
}
