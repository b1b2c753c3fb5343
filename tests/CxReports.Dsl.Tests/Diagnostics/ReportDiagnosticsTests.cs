using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// Reports and queries: CXR014 dimensions and filters out of reach, CXR015 cohorts, CXR017 cron, CXR018 time zones,
/// CXR019 delivery folders, CXR020 param defaults, CXR024 monthly metrics by day or week and
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
    public void Report_filter_through_a_field_that_is_not_a_link_is_unreachable()
    {
        Cxr.Single("""
            report r {
              filter customer.plan.code = "x"
            }
            """).Is(DiagnosticCode.Unreachable, "x.cxr:2:10", "this filter does not apply to any source: its fields are not reachable from any of them",
            "name fields as seen from the data the report reads, e.g. customer.plan");
    }

    [Fact]
    public void Misspelt_field_in_a_report_filter_is_an_unknown_name_with_a_suggestion()
    {
        Cxr.Single("""
            report r {
              filter customer.plam = "pro"
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:2:19", "unknown field 'plam'", "did you mean 'plan'?");
    }

    [Fact]
    public void Report_filter_whose_fields_resolve_but_types_clash_reports_the_type_mismatch()
    {
        var diagnostic = Cxr.Single("""
            report r {
              filter customer.fee = "high"
            }
            """);
        Assert.Equal(DiagnosticCode.TypeMismatch, diagnostic.Code);
        Assert.Equal((2, 10), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Equal("cannot compare decimal with text", diagnostic.Message);
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

    [Theory]
    [InlineData("Europe/")]            // a directory of the zone database: .NET refuses it with a SecurityException
    [InlineData("Europe")]
    [InlineData("../../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/../UTC")]
    public void A_time_zone_that_names_a_path_is_an_unknown_zone_not_a_file_read(string zone)
    {
        var diagnostic = Cxr.Single($$"""
            report r {
              timezone "{{zone}}"
            }
            """);
        Assert.Equal($"x.cxr:2:12: error CXR018: unknown time zone \"{zone}\"", diagnostic.Headline);
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

    [Fact]
    public void Scores_block_tie_broken_by_a_misspelt_column_suggests_the_closest_one()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health top 5 by loyalty desc, plam }
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:5:54", "unknown column 'plam' in score 'health'", "did you mean 'plan'?");
    }

    [Fact]
    public void Scores_block_showing_a_misspelt_field_suggests_the_closest_one()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health show plan, fea }
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:5:42", "unknown field 'fea' in source 'customers'", "did you mean 'fee'?");
    }

    // ---- CXR056 a column shown twice in a scores list ---------------------------------------------------------

    [Fact]
    public void Scores_block_showing_a_column_every_list_has_says_so()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health show id }
            }
            """).Is(DiagnosticCode.ScoresShowRepeats, "x.cxr:5:36", "'id' is a column of every 'health' list already",
            "show lists other fields of the source, such as a name, plan or owner");
    }

    [Fact]
    public void Scores_block_showing_a_field_twice_says_so()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health show plan, fee, plan }
            }
            """).Is(DiagnosticCode.ScoresShowRepeats, "x.cxr:5:47", "'plan' is shown twice", "name each field once");
    }

    [Fact]
    public void Scores_block_showing_a_component_says_every_list_has_it()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health show loyalty }
            }
            """).Is(DiagnosticCode.UnknownName, "x.cxr:5:36", "unknown field 'loyalty' in source 'customers'",
            "'loyalty' is a column of every 'health' list already");
    }

    [Fact]
    public void Scores_block_with_an_empty_sentence_of_no_text_needs_one()
    {
        Cxr.Single("""
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
            }
            report r {
              section "s" { scores health where band = "x" empty "  " }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:5:54", "`empty` takes the sentence an empty list prints",
            "e.g. empty \"No account is at risk\"; leave it out for the default sentence in the report's language");
    }
}
