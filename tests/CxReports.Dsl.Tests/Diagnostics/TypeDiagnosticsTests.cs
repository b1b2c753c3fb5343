using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// The shape and type of expressions: CXR012 type mismatch, CXR013 aggregate of an aggregate, CXR021 wrong
/// arguments, CXR022 row value where a metric is expected, CXR025 unrelated sources in one aggregate and CXR026
/// inputs that must be monthly.
/// </summary>
public class TypeDiagnosticsTests
{
    private const string TypesHint = "types are text, integer, decimal, boolean, date and timestamp";

    // ---- CXR012 type mismatch --------------------------------------------------------------------------

    [Fact]
    public void Unknown_field_type_lists_the_types()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column age: int
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:3:15", "unknown type 'int'", TypesHint);
    }

    [Fact]
    public void Misspelt_field_type_suggests_the_closest_type()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column opened: dat
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:3:18", "unknown type 'dat'", "did you mean 'date'?");
    }

    [Fact]
    public void Time_field_of_a_type_other_than_date_or_timestamp_is_a_mismatch()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              time opened: integer
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:3:16", "time field 'opened' must be a date or timestamp, not integer");
    }

    [Fact]
    public void Default_that_does_not_fit_the_field_type_is_quoted_as_written()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column priority: integer default "high"
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:3:36", "default \"high\" does not fit integer field 'priority'");
    }

    [Fact]
    public void Range_on_a_text_field_is_a_mismatch()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column category: text range 1 .. 5
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:3:25", "range applies to numbers, but 'category' is text");
    }

    [Fact]
    public void Comparing_a_number_with_text_is_a_mismatch()
    {
        Cxr.Single("metric m = count(responses) where responses.score = \"high\"").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:35",
            "cannot compare integer with text");
    }

    [Fact]
    public void Condition_that_is_not_true_or_false_is_a_mismatch()
    {
        Cxr.Single("metric m = count(responses) where responses.score").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:35",
            "a condition must be true or false, but this is integer", "compare it with something: x = \"value\", x >= 9");
    }

    [Fact]
    public void Text_in_a_list_compared_with_a_number_is_a_mismatch_at_the_item()
    {
        Cxr.Single("metric m = count(responses) where responses.score in (1, \"a\")").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:58",
            "text in a list compared with integer");
    }

    [Fact]
    public void And_joining_a_number_is_a_mismatch()
    {
        Cxr.Single("metric m = count(responses) where responses.channel = \"a\" and responses.score").Is(DiagnosticCode.TypeMismatch,
            "x.cxr:1:35", "'and' joins conditions, not boolean and integer");
    }

    [Fact]
    public void Comparison_as_a_metric_is_a_mismatch_that_points_to_where()
    {
        Cxr.Single("metric m = nps > 30").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:12", "a metric is a number: combine metrics and aggregates with + - * /",
            "conditions belong in `where`: metric x = count(responses) where responses.score >= 9");
    }

    [Fact]
    public void Summing_timestamps_is_a_mismatch()
    {
        Cxr.Single("metric m = sum(responses.answered_at)").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:16",
            "'sum' needs numbers, but 'responses.answered_at' is timestamp");
    }

    [Fact]
    public void Hours_of_something_other_than_a_time_difference_is_a_mismatch()
    {
        Cxr.Single("metric m = median(hours(responses.score))").Is(DiagnosticCode.TypeMismatch, "x.cxr:1:19",
            "'hours' takes a difference of two times (t2 - t1), not integer");
    }

    [Fact]
    public void Misspelt_param_type_suggests_the_closest_type()
    {
        Cxr.Single("""
            report r {
              param plan: txt
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:2:15", "unknown type 'txt'", "did you mean 'text'?");
    }

    [Fact]
    public void Param_default_of_another_type_is_a_mismatch()
    {
        Cxr.Single("""
            report r {
              param top_n: integer = "ten"
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:2:26", "default \"ten\" is not a constant of type integer");
    }

    [Fact]
    public void Param_choice_of_another_type_is_a_mismatch()
    {
        Cxr.Single("""
            report r {
              param top_n: integer = 10 in (10, "all")
            }
            """).Is(DiagnosticCode.TypeMismatch, "x.cxr:2:37", "choice \"all\" is not a constant of type integer");
    }

    // ---- CXR013 aggregate of an aggregate ----------------------------------------------------------------

    private const string MetricInsideHint = "an aggregate reads row values; combine metrics outside it: metric x = a / b";
    private const string AggregateInsideHint = "aggregate once: metric x = sum(orders.amount); combine metrics outside aggregates";

    [Fact]
    public void Aggregate_of_a_metric_is_an_aggregate_of_an_aggregate()
    {
        Cxr.Single("metric m = mean(nps)").Is(DiagnosticCode.NestedAggregate, "x.cxr:1:17",
            "metric 'nps' cannot be used inside an aggregate or a row condition", MetricInsideHint);
    }

    [Fact]
    public void Aggregate_of_arithmetic_on_a_metric_is_an_aggregate_of_an_aggregate()
    {
        Cxr.Single("metric m = max(nps * 2)").Is(DiagnosticCode.NestedAggregate, "x.cxr:1:16",
            "metric 'nps' cannot be used inside an aggregate or a row condition", MetricInsideHint);
    }

    [Fact]
    public void Aggregate_of_a_source_count_is_an_aggregate_of_an_aggregate()
    {
        Cxr.Single("metric m = sum(count(responses))").Is(DiagnosticCode.NestedAggregate, "x.cxr:1:16",
            "'count' aggregates rows and cannot be used inside another aggregate or a row expression", AggregateInsideHint);
    }

    [Fact]
    public void Aggregate_of_an_aggregate_of_a_field_is_an_aggregate_of_an_aggregate()
    {
        Cxr.Single("metric m = mean(sum(responses.score))").Is(DiagnosticCode.NestedAggregate, "x.cxr:1:17",
            "'sum' aggregates rows and cannot be used inside another aggregate or a row expression", AggregateInsideHint);
    }

    [Fact]
    public void Metric_in_a_row_condition_is_an_aggregate_inside_an_aggregate()
    {
        Cxr.Single("metric m = count(responses) where nps > 30").Is(DiagnosticCode.NestedAggregate, "x.cxr:1:35",
            "metric 'nps' cannot be used inside an aggregate or a row condition", MetricInsideHint);
    }

    // ---- CXR021 wrong arguments ----------------------------------------------------------------------------

    private const string LtvForm = "ltv(value: arpa, churn: churn, margin: 80%)";

    [Fact]
    public void Percentile_without_its_rank_has_too_few_arguments()
    {
        Cxr.Single("metric m = percentile(responses.score)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:12",
            "'percentile' takes 2 arguments, not 1", "percentile: p-th percentile, linear interpolation");
    }

    [Fact]
    public void Percentile_rank_above_100_is_a_wrong_argument()
    {
        Cxr.Single("metric m = percentile(responses.score, 120)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:40",
            "the percentile must be a number from 0 to 100: percentile(x, 90)");
    }

    [Fact]
    public void Count_with_two_arguments_has_too_many()
    {
        Cxr.Single("metric m = count(responses, 2)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:12",
            "'count' takes 1 argument, not 2", "count: rows, or non-blank values");
    }

    [Fact]
    public void Labelled_argument_to_an_aggregate_is_wrong()
    {
        Cxr.Single("metric m = mean(of: responses.score)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:17",
            "'mean' takes plain arguments, without labels or `per`");
    }

    [Fact]
    public void Lifecycle_function_of_a_field_needs_a_source_name()
    {
        Cxr.Single("metric m = churn_rate(responses.score)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:23",
            "'churn_rate' takes a source name, like churn_rate(customers)");
    }

    [Fact]
    public void Row_function_with_too_few_arguments_names_its_arity()
    {
        Cxr.Single("metric m = mean(coalesce(responses.score))").Is(DiagnosticCode.WrongArguments, "x.cxr:1:17",
            "'coalesce' takes 2 to 8 arguments, not 1", "coalesce: the first non-blank argument");
    }

    [Fact]
    public void Bucket_bounds_that_do_not_increase_are_wrong()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column age: integer
              dimension age_band = bucket(age, 50, 30)
            }
            """).Is(DiagnosticCode.WrongArguments, "x.cxr:4:24", "'bucket' bounds must be increasing numbers: bucket(age, 30, 50)");
    }

    [Fact]
    public void Ltv_without_churn_names_the_missing_argument()
    {
        Cxr.Single("metric m = ltv(value: arpa, margin: 80%)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:12", "ltv needs 'churn'", LtvForm);
    }

    [Fact]
    public void Ltv_with_a_misspelt_label_suggests_the_closest_one()
    {
        var diagnostics = Cxr.Compile("metric m = ltv(value: arpa, churn: churn, marign: 80%)");

        Assert.Equal(2, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.WrongArguments, "x.cxr:1:12", "ltv needs 'margin'", LtvForm);
        diagnostics[1].Is(DiagnosticCode.WrongArguments, "x.cxr:1:43", "ltv has no argument 'marign'", "did you mean 'margin'?");
    }

    [Fact]
    public void Ltv_argument_without_a_label_is_wrong()
    {
        var diagnostics = Cxr.Compile("metric m = ltv(arpa, churn: churn, margin: 80%)");

        Assert.Equal(2, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.WrongArguments, "x.cxr:1:12", "ltv needs 'value'", LtvForm);
        diagnostics[1].Is(DiagnosticCode.WrongArguments, "x.cxr:1:16", $"ltv arguments are labelled: {LtvForm}");
    }

    [Fact]
    public void Ltv_discount_without_per_year_is_wrong()
    {
        Cxr.Single("metric m = ltv(value: arpa, churn: churn, margin: 80%, discount: 10%)").Is(DiagnosticCode.WrongArguments, "x.cxr:1:56",
            "the discount is a yearly rate: discount: 10% per year");
    }

    // ---- CXR022 row value where a metric is expected ---------------------------------------------------------

    [Fact]
    public void Field_as_a_metric_must_be_aggregated()
    {
        Cxr.Single("metric m = responses.score").Is(DiagnosticCode.NotAggregated, "x.cxr:1:12", "'responses.score' is a value per row, not a metric",
            "aggregate it, for example mean(responses.score) or sum(responses.score)");
    }

    [Fact]
    public void Source_as_a_metric_must_be_counted()
    {
        Cxr.Single("metric m = responses").Is(DiagnosticCode.NotAggregated, "x.cxr:1:12", "'responses' is a source, not a number",
            "count its rows: count(responses)");
    }

    [Fact]
    public void Row_function_as_a_metric_must_be_aggregated()
    {
        Cxr.Single("metric m = hours(responses.answered_at - responses.answered_at)").Is(DiagnosticCode.NotAggregated, "x.cxr:1:12",
            "'hours' computes a value per row; aggregate it to make a metric",
            "for example median(hours(responses.answered_at - responses.answered_at))");
    }

    [Fact]
    public void Where_on_a_metric_without_aggregates_of_its_own_has_nothing_to_filter()
    {
        Cxr.Single("metric m = nps * 2 where responses.score > 1").Is(DiagnosticCode.NotAggregated, "x.cxr:1:26",
            "`where` filters the rows of aggregates, but this metric has none of its own", "put the condition on the metrics it is built from");
    }

    [Fact]
    public void Row_value_in_a_kpi_must_be_aggregated()
    {
        Cxr.Single("""
            report r {
              section "s" { kpi responses.score }
            }
            """).Is(DiagnosticCode.NotAggregated, "x.cxr:2:21", "'responses.score' is a value per row, not a metric",
            "aggregate it, for example mean(responses.score) or sum(responses.score)");
    }

    // ---- CXR025 one aggregate over unrelated sources ---------------------------------------------------------

    [Fact]
    public void Aggregate_over_fields_of_unrelated_sources_suggests_aggregating_each_apart()
    {
        Cxr.Single("metric m = sum(invoices.amount - costs.team)").Is(DiagnosticCode.MixedSources, "x.cxr:1:34",
            "'costs.team' is not reachable from source 'invoices': no link leads from 'invoices' to 'costs'",
            "aggregate each source on its own and combine the metrics: sum(a.x) - sum(b.y)");
    }

    [Fact]
    public void Aggregate_over_a_linked_source_is_not_mixed()
    {
        Assert.Empty(Cxr.Compile("metric m = sum(invoices.amount * invoices.customer.fee)"));
    }

    // ---- CXR026 input must be monthly ----------------------------------------------------------------------

    [Fact]
    public void Ltv_value_that_is_not_monthly_is_reported_at_the_argument()
    {
        Cxr.Single("metric m = ltv(value: nps, churn: churn, margin: 80%)").Is(DiagnosticCode.NotMonthly, "x.cxr:1:23",
            "ltv's value must be a monthly quantity", "add `per month` to the metric: metric nps = ... per month");
    }

    [Fact]
    public void Scenario_cost_that_is_not_monthly_is_reported_at_the_value()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              cost team_cost
              horizon 1 year
            }
            """).Is(DiagnosticCode.NotMonthly, "x.cxr:4:8", "the scenario's cost must be a monthly quantity",
            "use a metric declared with `per month`, a revenue metric, or a number");
    }
}
