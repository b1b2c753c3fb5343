using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// Reports and queries: CXR014 dimensions and filters out of reach, CXR015 cohorts, CXR017 cron, CXR018 time zones,
/// CXR019 delivery folders, CXR020 param defaults, CXR024 monthly metrics by day or week, CXR027 report settings and
/// CXR028 grains on sources without time.
/// </summary>
public class ReportDiagnosticsTests
{
    private const string CronHint = "minute hour day-of-month month day-of-week, e.g. \"0 8 * * MON\" for Mondays at 08:00";
    private const string DimensionHint = "a dimension must be reachable from every metric's source through links";

    // ---- CXR014 not reachable through links --------------------------------------------------------------------

    [Fact]
    public void Query_dimension_of_an_unlinked_source_is_unreachable()
    {
        Cxr.SingleInQuery("responses_n by team").Is(DiagnosticCode.Unreachable, "<query>:1:16",
            "cannot group by 'team': it is not a field of source 'responses' or of a source linked from it", DimensionHint);
    }

    [Fact]
    public void Query_dimension_qualified_with_an_unlinked_source_names_the_missing_link()
    {
        Cxr.SingleInQuery("nps by costs.team").Is(DiagnosticCode.Unreachable, "<query>:1:8",
            "'costs.team' is not reachable from source 'responses': no link leads from 'responses' to 'costs'",
            "joins follow declared links only; add a link or group by a field of this source");
    }

    [Fact]
    public void Query_dimension_must_be_reachable_from_every_metric()
    {
        Cxr.SingleInQuery("nps, arpa by channel").Is(DiagnosticCode.Unreachable, "<query>:1:14",
            "cannot group by 'channel': it is not a field of source 'invoices' or of a source linked from it", DimensionHint);
    }

    [Fact]
    public void Query_dimension_reached_through_a_link_is_fine()
    {
        Assert.Empty(Cxr.Query("nps, arpa by month, customer.plan"));
    }

    [Fact]
    public void Table_dimension_of_an_unlinked_source_is_unreachable()
    {
        Cxr.Single("""
            report r {
              section "s" { table responses_n by costs.team }
            }
            """).Is(DiagnosticCode.Unreachable, "x.cxr:2:38",
            "'costs.team' is not reachable from source 'responses': no link leads from 'responses' to 'costs'",
            "joins follow declared links only; add a link or group by a field of this source");
    }

    [Fact]
    public void Report_filter_that_no_source_can_reach_is_unreachable()
    {
        Cxr.Single("""
            report r {
              filter region = "north"
            }
            """).Is(DiagnosticCode.Unreachable, "x.cxr:2:10", "this filter does not apply to any source: its fields are not reachable from any of them",
            "name fields as seen from the data the report reads, e.g. customer.plan");
    }

    // ---- CXR015 cohort without lifecycle ----------------------------------------------------------------------

    [Fact]
    public void Cohort_of_a_source_without_lifecycle_says_how_to_declare_one()
    {
        Cxr.Single("""
            report r {
              section "s" { cohort responses by month over 12 }
            }
            """).Is(DiagnosticCode.NoLifecycle, "x.cxr:2:24", "cohorts need a customer lifecycle, but source 'responses' has none",
            "declare it in 'responses': lifecycle <start> .. <end>");
    }

    // ---- CXR017 invalid cron ------------------------------------------------------------------------------------

    [Fact]
    public void Cron_hour_out_of_range_is_invalid()
    {
        var diagnostic = Cxr.Single("""
            report r {
              schedule "0 25 * * *" { folder "cx" }
            }
            """);

        Assert.Equal(DiagnosticCode.InvalidCron, diagnostic.Code);
        Assert.Equal("x.cxr:2:12", diagnostic.Span.ToString());
        Assert.StartsWith("invalid cron expression \"0 25 * * *\": ", diagnostic.Message);
        Assert.Contains("Hours", diagnostic.Message);
        Assert.Equal(CronHint, diagnostic.Hint);
    }

    [Fact]
    public void Cron_with_four_fields_names_the_field_count()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * MON" { folder "cx" }
            }
            """).Is(DiagnosticCode.InvalidCron, "x.cxr:2:12",
            "invalid cron expression \"0 8 * MON\": a cron expression has 5 fields (minute hour day month weekday) or 6 with seconds first; this one has 4",
            CronHint);
    }

    [Fact]
    public void Cron_with_seven_fields_names_the_field_count()
    {
        Cxr.Single("""
            report r {
              schedule "0 0 8 * * MON 2025" { folder "cx" }
            }
            """).Is(DiagnosticCode.InvalidCron, "x.cxr:2:12",
            "invalid cron expression \"0 0 8 * * MON 2025\": a cron expression has 5 fields (minute hour day month weekday) or 6 with seconds first; this one has 7",
            CronHint);
    }

    [Fact]
    public void Cron_with_seconds_first_is_valid()
    {
        Assert.Empty(Cxr.Compile("""
            report r {
              schedule "30 0 8 * * MON" { folder "cx" }
            }
            """));
    }

    // ---- CXR018 unknown time zone -----------------------------------------------------------------------------

    [Fact]
    public void Misspelt_report_time_zone_suggests_the_closest_zone()
    {
        Cxr.Single("""
            report r {
              timezone "Europe/Istambul"
            }
            """).Is(DiagnosticCode.UnknownTimeZone, "x.cxr:2:12", "unknown time zone \"Europe/Istambul\"", "did you mean 'Europe/Istanbul'?");
    }

    [Fact]
    public void Misspelt_schedule_time_zone_suggests_the_closest_zone()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" timezone "Europe/Istambul" { folder "cx" }
            }
            """).Is(DiagnosticCode.UnknownTimeZone, "x.cxr:2:35", "unknown time zone \"Europe/Istambul\"", "did you mean 'Europe/Istanbul'?");
    }

    [Fact]
    public void Unknown_time_zone_without_a_close_one_shows_the_form_of_a_zone()
    {
        Cxr.Single("""
            report r {
              timezone "Mars/Olympus"
            }
            """).Is(DiagnosticCode.UnknownTimeZone, "x.cxr:2:12", "unknown time zone \"Mars/Olympus\"",
            "use an IANA zone such as \"Europe/Istanbul\" or \"UTC\"");
    }

    // ---- CXR019 folder outside the output root -------------------------------------------------------------------

    [Theory]
    [InlineData("../out", "'..' would leave the output root")]
    [InlineData("/srv/out", "absolute paths are not allowed: write the path relative to the output root")]
    public void Delivery_folder_that_leaves_the_output_root_says_why(string folder, string why)
    {
        Cxr.Single($$"""
            report r {
              schedule "0 8 * * MON" { folder "{{folder}}" }
            }
            """).Is(DiagnosticCode.PathOutsideData, "x.cxr:2:35", $"\"{folder}\": {why}");
    }

    // ---- CXR020 param default not among its choices -------------------------------------------------------------

    [Fact]
    public void Param_default_outside_its_choices_lists_the_choices()
    {
        Cxr.Single("""
            report r {
              param plan: text = "gold" in ("all", "pro")
            }
            """).Is(DiagnosticCode.ParamDefaultNotInChoices, "x.cxr:2:22", "default \"gold\" of param 'plan' is not one of its choices",
            "choices are \"all\", \"pro\"");
    }

    [Fact]
    public void Numeric_param_default_outside_its_choices_lists_the_choices()
    {
        Cxr.Single("""
            report r {
              param top_n: integer = 5 in (10, 20)
            }
            """).Is(DiagnosticCode.ParamDefaultNotInChoices, "x.cxr:2:26", "default 5 of param 'top_n' is not one of its choices",
            "choices are 10, 20");
    }

    // ---- CXR024 monthly metric by a finer grain ----------------------------------------------------------------

    [Fact]
    public void Monthly_metric_grouped_by_week_is_too_fine()
    {
        Cxr.SingleInQuery("churn by week").Is(DiagnosticCode.GrainTooFine, "<query>:1:10",
            "'churn' is a monthly quantity and cannot be grouped by week", "group by month, quarter or year");
    }

    [Fact]
    public void Revenue_metric_charted_by_day_is_too_fine()
    {
        Cxr.Single("""
            report r {
              section "s" { chart line arpa by day }
            }
            """).Is(DiagnosticCode.GrainTooFine, "x.cxr:2:36", "'arpa' is a monthly quantity and cannot be grouped by day",
            "group by month, quarter or year");
    }

    // ---- CXR027 invalid setting value (reports and queries) -------------------------------------------------------

    [Fact]
    public void Unknown_grain_lists_the_grains()
    {
        Cxr.Single("""
            report r {
              grain fortnight
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:9", "unknown grain 'fortnight'", "grains are day, week, month, quarter and year");
    }

    [Fact]
    public void Unknown_locale_shows_the_form_of_a_locale()
    {
        Cxr.Single("""
            report r {
              locale "xx-YY"
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:10", "unknown locale \"xx-YY\"", "use a language-region name such as \"en-US\" or \"tr-TR\"");
    }

    [Fact]
    public void Description_that_is_not_a_string_is_invalid()
    {
        Cxr.Single("""
            report r {
              description 5
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:3", "'description' takes one string in quotes");
    }

    [Fact]
    public void Fixed_period_that_ends_before_it_starts_is_invalid()
    {
        Cxr.Single("""
            report r {
              period 2025-12-31 .. 2025-01-01
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:10", "the period ends (2025-01-01) before it starts (2025-12-31)");
    }

    [Fact]
    public void Relative_period_this_with_a_count_is_invalid()
    {
        Cxr.Single("""
            report r {
              period this 3 months
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:10", "`this` takes no count: period this month, this quarter, this year");
    }

    [Fact]
    public void Relative_period_of_zero_units_is_invalid()
    {
        Cxr.Single("""
            report r {
              period last 0 months
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:10", "a relative period counts at least 1 unit");
    }

    [Fact]
    public void Unknown_delivery_format_lists_the_formats()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" { email "ceo@example.com" as docx }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:55", "unknown format 'docx'", "formats are pdf, json and csv");
    }

    [Fact]
    public void Email_target_without_an_at_sign_is_invalid()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" { email "ceo" }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:34", "\"ceo\" is not an email address");
    }

    [Fact]
    public void Webhook_that_is_not_http_is_invalid()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" { webhook "ftp://example.com/hook" }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:36", "\"ftp://example.com/hook\" is not an http(s) URL");
    }

    [Fact]
    public void Misspelt_chart_kind_suggests_the_closest_kind()
    {
        Cxr.Single("""
            report r {
              section "s" { chart lin nps by month }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:23", "unknown chart kind 'lin'", "did you mean 'line'?");
    }

    [Fact]
    public void Kpi_compared_with_the_previous_week_is_invalid()
    {
        Cxr.Single("""
            report r {
              section "s" { kpi nps compare previous week }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:42", "cannot compare with previous 'week'",
            "write `compare previous period` or `compare previous year`");
    }

    [Fact]
    public void Cohort_by_week_over_too_many_months_reports_both_settings()
    {
        var diagnostics = Cxr.Compile("""
            report r {
              section "s" { cohort customers by week over 200 }
            }
            """);

        Assert.Equal(2, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.InvalidSetting, "x.cxr:2:37", "cohorts are monthly: cohort customers by month over N");
        diagnostics[1].Is(DiagnosticCode.InvalidSetting, "x.cxr:2:47", "`over` is a whole number of months from 1 to 120");
    }

    [Fact]
    public void Query_top_zero_is_invalid()
    {
        Cxr.SingleInQuery("nps by channel top 0").Is(DiagnosticCode.InvalidSetting, "<query>:1:20", "top takes a whole number above 0");
    }

    [Fact]
    public void Query_top_beyond_a_whole_number_is_invalid_not_a_crash()
    {
        Cxr.SingleInQuery("nps by channel top 99999999999").Is(DiagnosticCode.InvalidSetting, "<query>:1:20", "top takes a whole number above 0");
    }

    [Fact]
    public void Scores_block_top_fraction_is_invalid()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health top 2.5 }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:5:35", "top takes a whole number above 0");
    }

    [Fact]
    public void Query_by_two_grains_is_invalid()
    {
        Cxr.SingleInQuery("nps by month, quarter").Is(DiagnosticCode.InvalidSetting, "<query>:1:15", "a query groups by at most one grain");
    }

    // ---- CXR028 grain on a source without time field ------------------------------------------------------------

    [Fact]
    public void Grouping_by_month_a_source_without_time_field_needs_one()
    {
        Cxr.SingleInQuery("count(plans) by month").Is(DiagnosticCode.NoTimeAxis, "<query>:1:17",
            "cannot group by month: source 'plans' has no time field", "declare one in 'plans': time <name> = \"<column>\"");
    }

    // ---- CXR010 in report blocks --------------------------------------------------------------------------------

    [Fact]
    public void Scores_block_ordered_by_a_misspelt_column_suggests_the_closest_one()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health top 5 by fe }
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:5:40", "unknown column 'fe' in score 'health'", "did you mean 'fee'?");
    }
}
