using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// The sources a report depends on come from its bound model: what it aggregates, what its dimensions and filters
/// reach through links, and what an entity's lifecycle reads; never a source the report does not touch.
/// </summary>
public sealed class ReportDependenciesTests
{
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
          time signup: date
          lifecycle signup .. churns.left_at
        }
        source churns from "churns.csv" {
          link customer = id -> customers required
          time left_at: date
        }
        source responses from "responses.csv" {
          link customer = customer_id -> customers
          time answered: date
          column score: integer
          column channel
        }
        source costs from "costs.csv" {
          time booked = "month": date format "%Y-%m"
          column amount: decimal
        }
        metric answers = count(responses)
        metric spend = sum(costs.amount)
        metric per_answer = spend / answers
        report by_channel "By channel" {
          section "S" {
            table answers by channel
          }
        }
        report by_plan "By plan" {
          section "S" {
            table answers by customer.plan
          }
        }
        report filtered "Filtered" {
          filter customer.plan = "pro"
          section "S" {
            kpi answers
          }
        }
        report active_customers "Active" {
          section "S" {
            kpi active(customers)
          }
        }
        report spending "Spending" {
          section "S" {
            chart line spend by month
          }
        }
        report composed "Composed" {
          section "S" {
            kpi per_answer
          }
        }
        """;

    private static SemanticModel Compile(params IReadOnlyList<SourceFile> files)
    {
        var result = ModelBinder.Compile(files);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Theory]
    [InlineData("by_channel", "responses")]
    [InlineData("by_plan", "customers,responses")]
    [InlineData("filtered", "customers,responses")]
    [InlineData("active_customers", "churns,customers")]
    [InlineData("spending", "costs")]
    [InlineData("composed", "costs,responses")]
    public void A_report_depends_on_the_sources_it_aggregates_and_reaches_through_links_and_on_no_other(string report, string sources)
    {
        var model = Compile(new SourceFile("m.cxr", Model));
        Assert.Equal(sources.Split(','), new ReportDependencies(model).Of(model.Reports[report]));
    }

    /// <summary>A cross-check on the sample reports: every table their SQL names is a dependency.</summary>
    [Fact]
    public void Every_source_the_sample_reports_sql_reads_is_one_of_their_dependencies()
    {
        var root = TestPaths.RepositoryRoot();
        var model = Compile(ReportFiles.Read([Path.Combine(root, "reports")], root));
        var planner = new ReportPlanner(model, DuckDbDialect.Instance, TimeProvider.System);
        foreach (var report in model.Reports.Values)
        {
            var sql = string.Join("\n", planner.Explain(report, new ReportRequest()).Select(p => p.Plan.Sql));
            var read = model.Sources.Keys.Where(s => sql.Contains(Sql.Identifier(s), StringComparison.Ordinal));
            Assert.Empty(read.Except(new ReportDependencies(model).Of(report)));
        }
    }
}
