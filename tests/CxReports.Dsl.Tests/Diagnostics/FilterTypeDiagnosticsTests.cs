using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// CXR012 in conditions: a comparison, list or range of values that cannot be compared, in queries, metric
/// filters and report filters. A declared field without a type is loaded as text, so it is text here too.
/// </summary>
public class FilterTypeDiagnosticsTests
{
    [Fact]
    public void A_text_field_compared_with_a_number_in_a_query_is_a_mismatch()
    {
        // customers.plan is declared without a type: text.
        Cxr.SingleInQuery("nps where customer.plan = 9").Is(DiagnosticCode.TypeMismatch, "<query>:1:11",
            "cannot compare text with integer");
    }

    [Fact]
    public void A_text_field_compared_with_a_number_in_a_metric_filter_is_a_mismatch()
    {
        Cxr.Single("metric m = count(responses) where responses.channel != 3.5").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:35",
            "cannot compare text with decimal");
    }

    [Fact]
    public void A_text_field_compared_with_a_number_in_a_report_filter_is_a_mismatch()
    {
        var diagnostics = Cxr.Compile("""
            report r {
              filter customer.plan > 2
            }
            """);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCode.TypeMismatch && d.Span.ToString() == "x.cxr:2:10"
                                          && d.Message == "cannot compare text with integer");
    }

    [Fact]
    public void A_date_compared_with_a_number_is_a_mismatch()
    {
        Cxr.Single("metric m = count(customers) where customers.signup >= 2025").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:35",
            "cannot compare date with integer");
    }

    [Fact]
    public void Numbers_in_a_list_compared_with_a_text_field_are_each_a_mismatch()
    {
        var diagnostics = Cxr.Query("nps where channel in (\"chat\", 1, 2)");
        Assert.Equal(["<query>:1:31", "<query>:1:34"], diagnostics.Select(d => d.Span.ToString()));
        Assert.All(diagnostics, d => Assert.Equal("integer in a list compared with text", d.Message));
    }

    [Fact]
    public void A_range_of_numbers_around_a_text_field_is_a_mismatch()
    {
        Cxr.SingleInQuery("nps where channel between 1 and 5").Is(DiagnosticCode.TypeMismatch, "<query>:1:11",
            "cannot compare text with integer and integer");
    }

    [Fact]
    public void Text_compared_with_text_and_numbers_with_numbers_are_fine()
    {
        Assert.Empty(Cxr.Query("nps where customer.plan = \"pro\" and score between 0 and 10 and customer.fee > 9.5"));
    }
}
