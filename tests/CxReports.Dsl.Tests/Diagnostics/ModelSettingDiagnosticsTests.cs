using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR027 invalid setting values in sources, metrics and scenarios: options, formats, ranges, retain, horizons, margins and discounts.</summary>
public class ModelSettingDiagnosticsTests
{
    [Fact]
    public void Misspelt_source_option_suggests_the_closest_option()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              options { delimter ";" }
              key id
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:13", "unknown option 'delimter'", "did you mean 'delimiter'?");
    }

    [Fact]
    public void Delimiter_of_more_than_one_character_is_invalid()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              options { delimiter ";;" }
              key id
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:23", "option 'delimiter' must be a single character in quotes");
    }

    [Fact]
    public void Empty_range_suggests_the_ends_the_other_way_round()
    {
        Cxr.Single("""
            source tickets from "tickets.csv" {
              key id
              column rating: integer range 10 .. 0
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:3:26", "range 10 .. 0 is empty", "write range 0 .. 10");
    }

    [Fact]
    public void Path_whose_extension_tells_no_format_asks_for_one()
    {
        Cxr.Single("""
            source tickets from "tickets.txt" {
              key id
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:1:21", "cannot tell the format of \"tickets.txt\" from its extension",
            "name the format: `source x from \"file.txt\" format csv`");
    }

    [Fact]
    public void Unknown_format_lists_the_formats()
    {
        Cxr.Single("""
            source tickets from "tickets.txt" format xlsx {
              key id
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:1:42", "unknown format 'xlsx'", "formats are csv, tsv, parquet, json and ndjson");
    }

    [Fact]
    public void Recurring_revenue_per_year_is_invalid()
    {
        Cxr.Single("""
            source payments from "payments.csv" {
              key id
              link customer = customer_id -> customers
              column amount: decimal
              recurring amount per year
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:5:24", "recurring revenue is per month, not per year", "write `recurring amount per month`");
    }

    [Fact]
    public void Metric_per_week_is_invalid()
    {
        Cxr.Single("metric m = count(responses) per week").Is(DiagnosticCode.InvalidSetting, "x.cxr:1:33",
            "a metric can be made monthly (`per month`), not per week");
    }

    [Fact]
    public void Misspelt_scenario_setting_suggests_the_closest_one()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              horizon 1 year
              marjin 80%
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:5:3", "unknown scenario setting 'marjin'", "did you mean 'margin'?");
    }

    [Fact]
    public void Scenario_without_its_required_settings_names_each_missing_one()
    {
        var diagnostics = Cxr.Compile("""
            scenario roi {
              retain 1
            }
            """);

        Assert.Equal(2, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.InvalidSetting, "x.cxr:1:10", "scenario 'roi' needs `value`");
        diagnostics[1].Is(DiagnosticCode.InvalidSetting, "x.cxr:1:10", "scenario 'roi' needs `horizon`");
    }

    [Fact]
    public void Scenario_margin_above_100_percent_is_invalid()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              margin 150%
              horizon 1 year
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:4:10", "the margin is a percentage from 0% to 100%: margin 80%");
    }

    [Fact]
    public void Scenario_retaining_a_fraction_of_a_customer_is_invalid()
    {
        Cxr.Single("""
            scenario roi {
              retain 1, 2.5
              value arpa
              horizon 1 year
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:13", "customers to retain must be a whole number above 0");
    }

    [Fact]
    public void Scenario_retaining_more_customers_than_a_whole_number_holds_is_invalid_not_a_crash()
    {
        Cxr.Single("""
            scenario roi {
              retain 99999999999
              value arpa
              horizon 1 year
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:10", "customers to retain must be a whole number above 0");
    }

    [Fact]
    public void Scenario_horizon_in_days_is_invalid()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              horizon 90 days
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:4:11", "a horizon is a number of months, quarters or years: 3 months, 1 year");
    }

    [Fact]
    public void Scenario_horizon_longer_than_a_century_is_invalid_even_when_the_month_count_would_overflow()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              horizon 999999999 years
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:4:11", "a horizon is at most 100 years (1200 months)");
    }

    [Fact]
    public void Scenario_discount_without_per_year_is_invalid()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              horizon 1 year
              discount 10%
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:5:3", "the discount is a yearly rate: discount 10% per year");
    }
}
