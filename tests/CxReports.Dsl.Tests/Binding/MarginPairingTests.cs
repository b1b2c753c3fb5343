using CxReports.Dsl.Binding;
using CxReports.Dsl.Tests.Diagnostics;

namespace CxReports.Dsl.Tests.Binding;

public class MarginPairingTests
{
    private static IEnumerable<string?> MarginsOf(string query)
    {
        var (bound, diagnostics) = ModelBinder.BindQuery(Cxr.Model, query);
        Assert.Empty(diagnostics);
        return bound!.Metrics.Select(m => m.MarginOf);
    }

    [Fact]
    public void The_margin_of_a_metric_over_the_same_answers_is_paired_with_it_through_named_metrics_too()
    {
        // The catalog says nps_margin is the margin of nps; the model's metric nps is nps(responses.score).
        Assert.Equal([null, "nps"], MarginsOf("nps, nps_margin(responses.score) by month"));
        // A query-wide filter applies to both: still the margin of the same answers.
        Assert.Equal([null, "nps"], MarginsOf("nps, nps_margin(responses.score) by month where responses.channel = \"web\""));
        Assert.Equal([null, null, "nps(responses.score)"], MarginsOf("responses_n, nps(responses.score), nps_margin(responses.score) by month"));
    }

    [Fact]
    public void A_margin_over_other_values_or_without_its_metric_stays_a_column_of_its_own()
    {
        Assert.Equal([null, null], MarginsOf("nps, nps_margin(responses.score + 1) by month"));
        Assert.Equal([null, null], MarginsOf("responses_n, nps_margin(responses.score) by month"));
    }

    [Fact]
    public void Only_the_catalog_relates_a_margin_to_its_metric_never_the_names()
    {
        Assert.Equal("nps", FunctionCatalog.Aggregates["nps_margin"].MarginOf);
        Assert.Equal(["nps_margin"], FunctionCatalog.Aggregates.Values.Where(f => f.MarginOf is not null).Select(f => f.Name));
    }
}
