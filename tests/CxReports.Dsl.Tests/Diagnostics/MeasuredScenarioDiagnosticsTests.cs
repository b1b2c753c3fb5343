using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Model;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// <c>measure against previous period</c> in a scenario: what it binds to, CXR065 when the churn or the customers it
/// needs are missing, CXR027 for a baseline other than the previous period or year, and the formatter's round trip.
/// </summary>
public class MeasuredScenarioDiagnosticsTests
{
    private const string Measured = """
        scenario roi {
          retain 1, 5 per month
          value arpa
          churn churn
          customers count(customers)  # the customers churn is a share of
          measure against previous period
          horizon 1 year
        }
        """;

    [Fact]
    public void A_measured_scenario_binds_its_baseline_and_customers()
    {
        var result = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", Measured)]);

        Assert.Empty(result.Diagnostics);
        var scenario = result.Model!.Scenarios["roi"];
        Assert.Equal(Baseline.Period, scenario.MeasuredAgainst);
        Assert.NotNull(scenario.Customers);
    }

    [Fact]
    public void Measuring_without_a_churn_metric_says_which_setting_to_add()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              customers count(customers)
              measure against previous period
              horizon 1 year
            }
            """).Is(DiagnosticCode.MeasureWithoutInputs, "x.cxr:5:3", "scenario 'roi' is measured, but its churn is not set",
            "set `churn` to the monthly churn metric the programme should lower: churn churn");
    }

    [Fact]
    public void Measuring_a_churn_that_is_a_number_is_refused_as_it_cannot_change()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              churn 2
              customers count(customers)
              measure against previous period
              horizon 1 year
            }
            """).Is(DiagnosticCode.MeasureWithoutInputs, "x.cxr:4:9", "scenario 'roi' is measured, but its churn is a number, the same in every period",
            "set `churn` to the monthly churn metric the programme should lower: churn churn");
    }

    [Fact]
    public void Measuring_without_customers_names_the_missing_setting()
    {
        Cxr.Single("""
            scenario roi {
              retain 1
              value arpa
              churn churn
              measure against previous period
              horizon 1 year
            }
            """).Is(DiagnosticCode.MeasureWithoutInputs, "x.cxr:5:3",
            "scenario 'roi' is measured, but does not say how many customers its churn is a share of",
            "add `customers customers_active` (a count of active customers, averaged over the months)");
    }

    [Fact]
    public void A_misspelt_baseline_suggests_the_closest_one()
    {
        Cxr.Single(Measured.Replace("previous period", "previous perod"))
            .Is(DiagnosticCode.InvalidSetting, "x.cxr:6:28", "a scenario is measured against the previous period or year, not 'perod'", "did you mean 'period'?");
    }

    [Fact]
    public void Measuring_twice_is_a_duplicate()
    {
        Cxr.Single(Measured.Replace("horizon 1 year", "measure against previous year\n  horizon 1 year"))
            .Is(DiagnosticCode.DuplicateName, "x.cxr:7:3", "scenario 'roi' is measured twice", "keep one `measure` line");
    }

    [Fact]
    public void Customers_as_a_number_is_refused()
    {
        Cxr.Single(Measured.Replace("count(customers)", "100"))
            .Is(DiagnosticCode.InvalidSetting, "x.cxr:5:13", "'customers' is a metric counting active customers, not a number", "customers customers_active");
    }

    [Fact]
    public void Customers_that_are_not_a_count_are_refused()
    {
        Cxr.Single(Measured.Replace("count(customers)", "churn"))
            .Is(DiagnosticCode.InvalidSetting, "x.cxr:5:13", "'customers' counts active customers, but this is a percent", "customers customers_active");
    }

    [Fact]
    public void A_misspelt_measure_line_is_an_unknown_setting_with_a_suggestion()
    {
        Cxr.Single(Measured.Replace("measure against previous period", "mesure 5"))
            .Is(DiagnosticCode.InvalidSetting, "x.cxr:6:3", "unknown scenario setting 'mesure'", "did you mean 'measure'?");
    }

    [Fact]
    public void A_measure_line_with_a_wrong_word_is_a_syntax_error_naming_what_was_expected()
    {
        var diagnostics = Cxr.Compile(Measured.Replace("against previous period", "against last period"));

        Assert.Contains(diagnostics, d => d.Code == DiagnosticCode.SyntaxError && d.Headline.Contains("`previous`") && d.Headline.StartsWith("x.cxr:6:19"));
    }

    [Fact]
    public void Formatting_keeps_the_measure_line_in_place_and_is_idempotent()
    {
        var messy = Measured.Replace("measure against previous period", "measure   against previous    period");
        var once = CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", messy)).Value);

        Assert.Equal(Measured + "\n", once);
        Assert.Equal(once, CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", once)).Value));
    }
}
