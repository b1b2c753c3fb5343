using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR027 invalid setting values in reports and queries: grains, locales, periods, chart kinds, formats, targets and top counts.</summary>
public class ReportSettingDiagnosticsTests
{
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

    // ---- CXR055 a locale without translated words ----------------------------------------------------------------

    [Fact]
    public void A_locale_without_translated_words_is_a_warning_naming_the_complete_ones()
    {
        Cxr.Single("""
            report r {
              locale "de-DE"
            }
            """).Is(DiagnosticCode.UntranslatedLocale, "x.cxr:2:10",
            "locale \"de-DE\" has no translated words: documents print its numbers and dates with English words",
            "the locales with every word translated are \"en-US\" and \"tr-TR\"");
    }

    [Fact]
    public void The_complete_locales_bind_without_a_finding()
    {
        foreach (var locale in new[] { "en-US", "tr-TR", "tr-tr" })
            Assert.Empty(Cxr.Compile($"report r {{\n  locale \"{locale}\"\n}}\n"));
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
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:55", "unknown format 'docx'", "formats are pdf, json, csv, xlsx and zip");
    }

    [Fact]
    public void A_parameter_called_block_could_never_be_set_over_http()
    {
        Cxr.Single("""
            report r {
              param block: text = "a"
            }
            """).Is(DiagnosticCode.ReservedParamName, "x.cxr:2:9",
            "a parameter cannot be called 'block': the report routes read from, to, format, block from the query string themselves",
            "call it something else, e.g. 'r_block'");
    }

    [Fact]
    public void Spreadsheet_delivery_formats_bind()
    {
        Assert.Empty(Cxr.Compile("""
            report r {
              schedule "0 8 * * MON" { folder "cx" as pdf, xlsx, zip, csv }
            }
            """));
    }

    [Fact]
    public void Misspelt_spreadsheet_format_suggests_xlsx()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" { folder "cx" as pdf, xslx }
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:48", "unknown format 'xslx'", "did you mean 'xlsx'?");
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
}
