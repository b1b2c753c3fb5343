using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// Rules of sources, metrics, scores and scenarios: CXR014 unreachable fields, CXR015 lifecycle functions, CXR016
/// metric cycles, CXR018 source time zones, CXR019 data paths, CXR023 revenue functions,
/// CXR028 time axes, CXR029 keyless link targets and CXR030 score definitions.
/// </summary>
public class ModelRuleDiagnosticsTests
{
    // ---- CXR014 not reachable through links --------------------------------------------------------------

    [Fact]
    public void Metric_condition_on_an_unlinked_source_is_unreachable()
    {
        Cxr.Single("metric m = count(responses) where costs.team > 1").Is(DiagnosticCode.Unreachable, "x.cxr:1:35",
            "'costs.team' is not reachable from source 'responses': no link leads from 'responses' to 'costs'",
            "joins follow declared links only; add a link or group by a field of this source");
    }

    [Fact]
    public void Path_through_a_field_that_is_not_a_link_is_unreachable()
    {
        Cxr.Single("metric m = count(responses) where responses.channel.name = \"x\"").Is(DiagnosticCode.Unreachable, "x.cxr:1:53",
            "'channel' in source 'responses' is not a link, so 'name' cannot be reached through it");
    }

    [Fact]
    public void Lifecycle_ending_in_a_source_without_a_link_back_is_unreachable()
    {
        Cxr.Single("""
            source accounts from "accounts.csv" {
              key id
              time opened: date
              lifecycle opened .. costs.booked
            }
            """).Is(DiagnosticCode.Unreachable, "x.cxr:4:23",
            "source 'costs' has no link to 'accounts', so its dates cannot end the lifecycle of 'accounts'",
            "add `link <name> = <column> -> accounts` to source 'costs'");
    }

    [Fact]
    public void Score_component_over_rows_not_linked_to_the_entity_is_unreachable()
    {
        Cxr.Single("""
            score health for customers {
              spend weight 1 = sum(costs.team) scale 0 .. 100
            }
            """).Is(DiagnosticCode.Unreachable, "x.cxr:2:20", "source 'costs' has no link to 'customers', so its rows cannot be scored per customers",
            "add `link <name> = <column> -> customers` to 'costs'");
    }

    // ---- CXR015 lifecycle function without lifecycle ------------------------------------------------------

    [Fact]
    public void Lifecycle_function_on_a_source_without_lifecycle_says_how_to_declare_one()
    {
        Cxr.Single("metric m = churn_rate(responses)").Is(DiagnosticCode.NoLifecycle, "x.cxr:1:12",
            "'churn_rate' needs a customer lifecycle, but source 'responses' has none",
            "declare when an entity starts and ends in 'responses': lifecycle <start> .. <end>");
    }

    [Fact]
    public void New_customers_of_a_source_without_lifecycle_is_a_lifecycle_error()
    {
        Cxr.Single("metric m = sum(invoices.amount) / new(invoices)").Is(DiagnosticCode.NoLifecycle, "x.cxr:1:35",
            "'new' needs a customer lifecycle, but source 'invoices' has none",
            "declare when an entity starts and ends in 'invoices': lifecycle <start> .. <end>");
    }

    // ---- CXR016 metric cycle -------------------------------------------------------------------------------

    [Fact]
    public void Two_metrics_using_each_other_are_a_cycle_named_in_full()
    {
        Cxr.Single("""
            metric a = b * 2
            metric b = a + 1
            """).Is(DiagnosticCode.MetricCycle, "x.cxr:2:12", "metrics depend on each other in a cycle: a -> b -> a",
            "a metric cannot be computed from itself; break the chain with a metric built from aggregates only");
    }

    [Fact]
    public void Cycle_of_three_metrics_is_reported_once_with_the_whole_chain()
    {
        Cxr.Single("""
            metric a = b * 2
            metric b = c + 1
            metric c = a / nps
            """).Is(DiagnosticCode.MetricCycle, "x.cxr:3:12", "metrics depend on each other in a cycle: a -> b -> c -> a",
            "a metric cannot be computed from itself; break the chain with a metric built from aggregates only");
    }

    [Fact]
    public void Metric_built_from_itself_is_a_cycle()
    {
        Cxr.Single("metric a = a + 1").Is(DiagnosticCode.MetricCycle, "x.cxr:1:12", "metrics depend on each other in a cycle: a -> a",
            "a metric cannot be computed from itself; break the chain with a metric built from aggregates only");
    }

    // ---- CXR018 unknown time zone (source option) -----------------------------------------------------------

    [Fact]
    public void Misspelt_time_zone_option_suggests_the_closest_zone()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              options { timezone "Europe/Istambul" }
            }
            """).Is(DiagnosticCode.UnknownTimeZone, "x.cxr:3:22", "unknown time zone \"Europe/Istambul\"", "did you mean 'Europe/Istanbul'?");
    }

    [Fact]
    public void Time_zone_option_that_is_not_a_zone_name_is_unknown()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              options { timezone 3 }
            }
            """).Is(DiagnosticCode.UnknownTimeZone, "x.cxr:3:22", "unknown time zone \"3\"");
    }

    // ---- CXR019 path leaves the data directory --------------------------------------------------------------

    [Theory]
    [InlineData("../x.csv", "'..' would leave the data directory")]
    [InlineData("exports/../../x.csv", "'..' would leave the data directory")]
    [InlineData("/etc/passwd", "absolute paths are not allowed: write the path relative to the data directory")]
    [InlineData("C:/data/x.csv", "absolute paths are not allowed: write the path relative to the data directory")]
    [InlineData("~/x.csv", "absolute paths are not allowed: write the path relative to the data directory")]
    [InlineData("https://x/y.csv", "URLs are not allowed: a source reads files inside the data directory")]
    [InlineData("file:x.csv", "URLs are not allowed: a source reads files inside the data directory")]
    public void Source_path_that_leaves_the_data_directory_says_why(string path, string why)
    {
        Cxr.Single($$"""
            source s from "{{path}}" format csv {
              key id
            }
            """).Is(DiagnosticCode.PathOutsideData, "x.cxr:1:15", $"source 's' path \"{path}\": {why}");
    }

    // ---- CXR023 revenue function without recurring -------------------------------------------------------------

    [Fact]
    public void Revenue_function_on_a_source_without_recurring_says_how_to_declare_it()
    {
        Cxr.Single("metric m = mrr(responses)").Is(DiagnosticCode.NoRecurring, "x.cxr:1:12",
            "'mrr' needs recurring revenue, but source 'responses' declares none",
            "declare which rows are MRR in 'responses': recurring <amount> per month [where ...]");
    }

    [Fact]
    public void Recurring_revenue_without_a_link_to_the_payer_is_incomplete()
    {
        Cxr.Single("""
            source payments from "payments.csv" {
              key id
              time paid_at: date
              column amount: decimal
              recurring amount per month
            }
            """).Is(DiagnosticCode.NoRecurring, "x.cxr:5:3", "recurring revenue in 'payments' needs a link to the paying customer",
            "add `link customer = <column> -> customers`");
    }

    // ---- CXR028 no time axis --------------------------------------------------------------------------------

    [Fact]
    public void Score_window_on_a_source_without_time_field_needs_one()
    {
        Cxr.Single("""
            source visits from "visits.csv" {
              key id
              link customer = customer_id -> customers
            }
            score health for customers {
              usage weight 1 = count(visits) within 30 days scale 0 .. 10
            }
            """).Is(DiagnosticCode.NoTimeAxis, "x.cxr:6:41", "a window needs a time field, but source 'visits' has none");
    }

    [Fact]
    public void Last_value_of_a_source_without_time_field_has_no_order()
    {
        Cxr.Single("metric m = last(plans.price)").Is(DiagnosticCode.NoTimeAxis, "x.cxr:1:12",
            "'last' takes the latest row by the time axis, but source 'plans' has no time field",
            "declare one in 'plans': time <name> = \"<column>\"");
    }

    [Fact]
    public void First_value_of_a_source_without_time_field_has_no_order()
    {
        Cxr.Single("metric m = first(plans.price)").Is(DiagnosticCode.NoTimeAxis, "x.cxr:1:12",
            "'first' takes the earliest row by the time axis, but source 'plans' has no time field",
            "declare one in 'plans': time <name> = \"<column>\"");
    }

    // ---- CXR029 link target without key ------------------------------------------------------------------------

    [Fact]
    public void Link_to_a_source_without_key_asks_for_one()
    {
        Cxr.Single("""
            source subscriptions from "subscriptions.csv" {
              key id
              link plan = plan_code -> plans
            }
            """).Is(DiagnosticCode.LinkTargetWithoutKey, "x.cxr:3:28", "link 'plan' points to 'plans', which has no key",
            "declare `key <field>` in source 'plans'");
    }

    // ---- CXR030 invalid score ------------------------------------------------------------------------------------

    [Fact]
    public void Score_without_components_is_invalid()
    {
        Cxr.Single("""
            score health for customers {
              band all
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:1:7", "score 'health' has no components",
            "add one: usage weight 40 = count(events) within 30 days scale 0 .. 20");
    }

    [Fact]
    public void Score_scale_with_equal_ends_is_invalid()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 40 = count(responses) scale 5 .. 5
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:2:44", "a scale needs two different numbers: scale 0 .. 20 (or 10 .. 0 to reverse it)");
    }

    [Fact]
    public void Score_component_weight_of_zero_is_invalid()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 0 = count(responses) scale 0 .. 10
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:2:16", "a component's weight must be greater than 0");
    }

    [Fact]
    public void Score_component_that_is_not_one_aggregate_is_invalid()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 1 = count(responses) + 1 scale 0 .. 10
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:2:20",
            "a score component is one aggregate over the entity's rows, like count(events) or last(responses.score)");
    }

    [Fact]
    public void Band_after_the_catch_all_band_can_never_apply()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 1 = count(responses) scale 0 .. 10
              band at_risk
              band healthy >= 70
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:4:3", "band 'healthy' can never apply: the band before it takes every remaining score",
            "put the band without a condition last");
    }

    [Fact]
    public void Band_threshold_that_is_not_a_number_is_invalid()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 1 = count(responses) scale 0 .. 10
              band healthy >= high
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:3:19", "a band threshold is a number: band healthy >= 70");
    }

    [Fact]
    public void Score_for_a_source_without_key_is_invalid()
    {
        Cxr.Single("""
            score value for plans {
              price weight 1 = max(plans.price) scale 0 .. 100
            }
            """).Is(DiagnosticCode.InvalidScore, "x.cxr:1:17", "score 'value' is computed per row of 'plans', which has no key",
            "declare `key <field>` in source 'plans'");
    }
}
