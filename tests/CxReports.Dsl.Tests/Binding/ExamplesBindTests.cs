using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;

namespace CxReports.Dsl.Tests.Binding;

public class ExamplesBindTests
{
    private static SemanticModel Model()
    {
        var result = ModelBinder.Compile(Fixture.Files("dsl_examples"));
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Fact]
    public void Every_example_of_the_language_design_binds_into_one_model()
    {
        var model = Model();
        Assert.Equal(10, model.Sources.Count);
        Assert.Contains("ltv_pv", model.Metrics.Keys);
        Assert.Single(model.Scores);
        Assert.Single(model.Scenarios);
        Assert.Single(model.Reports);
    }

    [Fact]
    public void Lifecycle_end_in_a_linked_source_is_the_churn_date_reached_through_its_link()
    {
        var lifecycle = Model().Sources["customers"].Lifecycle!;
        Assert.Equal("signup", lifecycle.Start.Name);
        Assert.Equal(("churns", "left_at"), (lifecycle.End!.Source, lifecycle.End.Name));
        Assert.Equal("customer", lifecycle.EndLink!.Name);
    }

    [Fact]
    public void Per_month_and_revenue_metrics_are_monthly_and_ltv_is_built_from_them()
    {
        var model = Model();
        Assert.True(model.Metrics["churn"].Monthly);
        Assert.True(model.Metrics["arpa"].Monthly);
        Assert.False(model.Metrics["nps"].Monthly);
        Assert.Equal(["arpa", "churn"], model.Metrics["ltv"].DependsOn.Order());
        var ltv = Assert.IsType<BoundLtv>(model.Metrics["ltv_pv"].Expression);
        Assert.Equal(0.1m, Assert.IsType<BoundLiteral>(ltv.YearlyDiscount).Value);
    }

    [Fact]
    public void Query_dimensions_resolve_from_each_metric_source_through_links()
    {
        var model = Model();
        var (query, diagnostics) = ModelBinder.BindQuery(model, "nps, responses_n by month, customer.plan where channel = \"chat\"");
        Assert.Empty(diagnostics);
        Assert.Equal(["nps", "responses_n"], query!.Metrics.Select(m => m.Name));
        Assert.Equal(CxReports.Dsl.Model.TimeUnit.Month, query.Grain);
        var plan = query.Dimensions[1].BySource["responses"];
        Assert.Equal(["customer"], plan.Links.Select(l => l.Name));
        Assert.Equal(("customers", "plan"), (plan.Field.Source, plan.Field.Name));
    }

    [Fact]
    public void The_report_filter_binds_the_param_and_applies_to_sources_that_reach_the_plan()
    {
        var report = Model().Reports["cx_overview"];
        var filter = Assert.Single(report.Filters);
        Assert.Contains("responses", filter.BySource.Keys);
        Assert.Contains("customers", filter.BySource.Keys);
        Assert.DoesNotContain("costs", filter.BySource.Keys);
        Assert.Equal("all", Assert.Single(report.Params).Default);
    }
}
