using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR010 unknown names (with did-you-mean hints) and CXR011 names defined twice.</summary>
public class NameDiagnosticsTests
{
    // ---- CXR010 unknown name ---------------------------------------------------------------------------

    [Fact]
    public void Unknown_metric_name_suggests_the_closest_one()
    {
        Cxr.Single("metric m = nsp * 2").Is(DiagnosticCode.UnknownName, "x.cxr:1:12", "unknown metric 'nsp'", "did you mean 'nps'?");
    }

    [Fact]
    public void Unknown_metric_in_a_query_suggests_the_closest_one()
    {
        Cxr.SingleInQuery("nsp by channel").Is(DiagnosticCode.UnknownName, "<query>:1:1", "unknown metric 'nsp'", "did you mean 'nps'?");
    }

    [Fact]
    public void Misspelt_source_counted_by_count_suggests_the_source()
    {
        Cxr.Single("metric m = count(respones)").Is(DiagnosticCode.UnknownName, "x.cxr:1:18", "unknown source 'respones'",
            "did you mean 'responses'?");
    }

    [Fact]
    public void Misspelt_source_of_a_lifecycle_function_suggests_the_source()
    {
        Cxr.Single("metric m = churn_rate(custmers)").Is(DiagnosticCode.UnknownName, "x.cxr:1:23", "unknown source 'custmers'",
            "did you mean 'customers'?");
    }

    [Fact]
    public void Unknown_source_of_a_lifecycle_function_without_a_close_name_has_no_hint()
    {
        Cxr.Single("metric m = churn_rate(accounts)").Is(DiagnosticCode.UnknownName, "x.cxr:1:23", "unknown source 'accounts'");
    }

    [Fact]
    public void Unknown_field_suggests_the_closest_field_of_its_source()
    {
        Cxr.Single("metric m = mean(responses.scor)").Is(DiagnosticCode.UnknownName, "x.cxr:1:27",
            "unknown field 'scor' in source 'responses'", "did you mean 'score'?");
    }

    [Fact]
    public void Unknown_field_behind_a_link_names_the_linked_source()
    {
        Cxr.Single("metric m = count(responses) where responses.customer.plna = \"pro\"").Is(DiagnosticCode.UnknownName, "x.cxr:1:54",
            "unknown field 'plna' in source 'customers'", "did you mean 'plan'?");
    }

    [Fact]
    public void Unknown_field_in_a_metric_condition_suggests_the_closest_field()
    {
        Cxr.Single("metric m = count(responses) where responses.chanel = \"chat\"").Is(DiagnosticCode.UnknownName, "x.cxr:1:45",
            "unknown field 'chanel' in source 'responses'", "did you mean 'channel'?");
    }

    [Fact]
    public void Field_without_its_source_cannot_be_aggregated()
    {
        Cxr.Single("metric m = sum(amount)").Is(DiagnosticCode.UnknownName, "x.cxr:1:16", "cannot tell which source 'amount' reads",
            "qualify fields with their source: responses.score");
    }

    [Fact]
    public void Misspelt_function_suggests_the_closest_function()
    {
        Cxr.Single("metric m = meen(responses.score)").Is(DiagnosticCode.UnknownName, "x.cxr:1:12", "unknown function 'meen'",
            "did you mean 'mean'?");
    }

    [Fact]
    public void Unknown_function_without_a_close_name_has_no_hint()
    {
        Cxr.Single("metric m = avg(responses.score)").Is(DiagnosticCode.UnknownName, "x.cxr:1:12", "unknown function 'avg'");
    }

    [Fact]
    public void Link_to_an_unknown_source_suggests_the_closest_source()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              link customer = customer_id -> custmers
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:3:34", "unknown source 'custmers'", "did you mean 'customers'?");
    }

    [Fact]
    public void Score_for_an_unknown_source_suggests_the_closest_source()
    {
        Cxr.Single("""
            score health for custmers {
              usage weight 1 = count(responses) scale 0 .. 10
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:1:18", "unknown source 'custmers'", "did you mean 'customers'?");
    }

    [Fact]
    public void Lifecycle_on_an_unknown_field_suggests_the_closest_field()
    {
        Cxr.Single("""
            source accounts from "accounts.csv" {
              key id
              time opened: date
              lifecycle opend
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:4:13", "unknown field 'opend' in source 'accounts'", "did you mean 'opened'?");
    }

    [Fact]
    public void Scenario_block_naming_an_unknown_scenario_suggests_the_closest_one()
    {
        Cxr.Single("""
            scenario retention_roi {
              retain 1
              value arpa
              horizon 1 year
            }
            report r {
              section "ROI" { scenario retention_ro }
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:7:28", "unknown scenario 'retention_ro'", "did you mean 'retention_roi'?");
    }

    [Fact]
    public void Scores_block_naming_an_unknown_score_suggests_the_closest_one()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "Who to call" { scores helth }
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:5:34", "unknown score 'helth'", "did you mean 'health'?");
    }

    [Fact]
    public void Misspelt_dimension_in_a_query_suggests_the_closest_field()
    {
        Cxr.SingleInQuery("nps by chanel").Is(DiagnosticCode.UnknownName, "<query>:1:8",
            "cannot group by 'chanel': it is not a field of source 'responses' or of a source linked from it", "did you mean 'channel'?");
    }

    [Fact]
    public void Misspelt_grain_in_a_query_suggests_the_grain()
    {
        Cxr.SingleInQuery("nps by mounth").Is(DiagnosticCode.UnknownName, "<query>:1:8",
            "cannot group by 'mounth': it is not a field of source 'responses' or of a source linked from it", "did you mean 'month'?");
    }

    [Fact]
    public void A_field_of_a_linked_source_written_without_its_link_suggests_the_path_through_the_link()
    {
        Cxr.SingleInQuery("nps by plan").Is(DiagnosticCode.UnknownName, "<query>:1:8",
            "cannot group by 'plan': it is not a field of source 'responses' or of a source linked from it", "did you mean 'customer.plan'?");
    }

    [Fact]
    public void Misspelt_link_in_a_query_dimension_is_an_unknown_name_not_an_unreachable_field()
    {
        Cxr.SingleInQuery("nps by custmer.plan").Is(DiagnosticCode.UnknownName, "<query>:1:8",
            "cannot group by 'custmer.plan': it is not a field of source 'responses' or of a source linked from it", "did you mean 'customer'?");
    }

    // ---- CXR011 duplicate name -------------------------------------------------------------------------

    [Fact]
    public void Name_defined_in_two_files_is_reported_in_the_second_with_the_place_of_the_first()
    {
        var diagnostics = ModelBinder.Compile(
        [
            Cxr.ModelFile,
            new SourceFile("loyalty.cxr", "metric promoters = count(responses) where responses.score >= 9"),
            new SourceFile("retention.cxr", "\n\nmetric promoters = count(responses) where responses.score >= 10"),
        ]).Diagnostics;

        Cxr.One(diagnostics).Is(DiagnosticCode.DuplicateName, "retention.cxr:3:8", "'promoters' is already defined as a metric at loyalty.cxr:1:8",
            "names of sources, metrics, scores, scenarios and reports share one namespace; rename one");
    }

    [Fact]
    public void Metric_and_source_share_one_namespace()
    {
        Cxr.Single("""
            source nps from "nps.csv" {
              key id
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:1:8", "'nps' is already defined as a metric at model.cxr:36:8",
            "names of sources, metrics, scores, scenarios and reports share one namespace; rename one");
    }

    [Fact]
    public void Field_declared_twice_in_a_source_is_reported_at_its_second_name()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column category
              column category: text
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:4:10", "field 'category' is already declared in source 'tickets' at line 3");
    }

    [Fact]
    public void Link_named_like_a_field_is_a_duplicate_field()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column customer
              link customer = customer_id -> customers
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:4:8", "field 'customer' is already declared in source 'tickets' at line 3");
    }

    [Fact]
    public void Source_with_two_keys_is_reported_at_the_second()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              key number
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:3", "source 'tickets' declares more than one key", "a source has at most one key field");
    }

    [Fact]
    public void Dimension_named_like_a_field_is_a_duplicate()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column priority: integer
              dimension priority = bucket(priority, 2, 4)
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:4:13", "field 'priority' is already declared in source 'tickets'");
    }

    [Fact]
    public void Score_component_defined_twice_is_reported_at_the_second()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 50 = count(responses) scale 0 .. 10
              usage weight 50 = count(invoices) scale 0 .. 10
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:3", "component 'usage' is defined twice in score 'health'");
    }

    [Fact]
    public void Score_band_defined_twice_is_reported_at_the_second()
    {
        Cxr.Single("""
            score health for customers {
              usage weight 1 = count(responses) scale 0 .. 10
              band good >= 70
              band good >= 40
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:4:8", "band 'good' is defined twice");
    }

    [Fact]
    public void Scenario_setting_given_twice_is_reported_at_the_second()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              retain 5
              value arpa
              horizon 1 year
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:3", "'retain' is set twice in scenario 'roi'");
    }

    [Fact]
    public void Report_setting_given_twice_is_reported_at_the_second()
    {
        Cxr.Single("""
            report r {
              grain month
              grain week
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:3", "'grain' is set twice in report 'r'");
    }

    [Fact]
    public void Report_period_given_twice_is_reported_at_the_second()
    {
        Cxr.Single("""
            report r {
              period last 12 months
              period this year
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:3", "'period' is set twice in report 'r'");
    }

    [Fact]
    public void Param_declared_twice_is_reported_at_the_second()
    {
        Cxr.Single("""
            report r {
              param plan: text
              param plan: text = "pro"
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:9", "param 'plan' is declared twice");
    }

    [Fact]
    public void Block_id_used_twice_in_a_report_is_reported_at_the_second()
    {
        Cxr.Single("""
            report r {
              section "a" { kpi main: nps }
              section "b" { kpi main: responses_n }
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:21", "block id 'main' is used twice in report 'r'");
    }

    [Fact]
    public void Query_grouped_twice_by_the_same_dimension_is_reported_once()
    {
        Cxr.SingleInQuery("nps by month, channel, month").Is(DiagnosticCode.DuplicateName, "<query>:1:24", "'month' is grouped by twice");
    }
}
