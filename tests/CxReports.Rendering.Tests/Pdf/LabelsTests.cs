using CxReports.Rendering.Pdf.Formatting;

namespace CxReports.Rendering.Tests.Pdf;

public class LabelsTests
{
    [Theory]
    [InlineData("nps", "NPS")]
    [InlineData("customers_active", "Customers active")]
    [InlineData("customer.plan", "Plan")]
    [InlineData("first_response_h", "First response (h)")]
    [InlineData("responses_n", "Responses")]
    [InlineData("roi_pct", "ROI %")]
    [InlineData("count(churns)", "Churns")]
    [InlineData("sum(amount)", "Sum of amount")]
    [InlineData("support_cost_per_customer", "Support cost per customer")]
    [InlineData("cx_cost", "CX cost")]
    public void Model_names_read_as_labels(string name, string label) => Assert.Equal(label, Labels.Humanize(name));

    [Theory]
    [InlineData("nps", true)]
    [InlineData("responses_n", true)]
    [InlineData("churn", false)]
    [InlineData("support_cost_per_customer", false)]
    [InlineData("first_response_h", false)]
    [InlineData("nps_margin", false)]
    [InlineData("churned_customers", false)]
    [InlineData("ltv", true)]
    public void A_rise_is_good_news_unless_the_metric_is_a_cost_a_loss_or_a_time(string metric, bool higherIsBetter) =>
        Assert.Equal(higherIsBetter, MetricDirection.HigherIsBetter(metric));
}
