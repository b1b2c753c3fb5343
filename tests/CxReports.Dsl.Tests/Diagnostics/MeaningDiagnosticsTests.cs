using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// What metrics mean: CXR040 the model's currency, CXR041 a metric's meaning block, CXR042 money without a currency,
/// CXR043 a moment given for a flow.
/// </summary>
public class MeaningDiagnosticsTests
{
    // ---- CXR040 currency ----------------------------------------------------------------------------------

    [Fact]
    public void An_unknown_currency_code_suggests_the_closest_one()
    {
        Cxr.Single("currency \"TRYY\"").Is(DiagnosticCode.InvalidCurrency, "x.cxr:1:10", "unknown currency \"TRYY\"", "did you mean \"TRY\"?");
    }

    [Theory]
    [InlineData("TL", "TRY")]
    [InlineData("₺", "TRY")]
    [InlineData("€", "EUR")]
    [InlineData("try", "TRY")]
    public void A_currency_written_as_its_symbol_or_everyday_name_suggests_its_code(string written, string code)
    {
        Assert.Equal($"did you mean \"{code}\"?", Cxr.Single($"currency \"{written}\"").Hint);
    }

    [Fact]
    public void A_currency_in_small_letters_is_not_a_code()
    {
        Cxr.Single("currency \"lira\"").Is(DiagnosticCode.InvalidCurrency, "x.cxr:1:10", "unknown currency \"lira\"",
            "write an ISO 4217 code in capitals, such as \"TRY\", \"EUR\" or \"USD\"");
    }

    [Fact]
    public void A_second_currency_is_refused_naming_the_first()
    {
        Cxr.Single("currency \"TRY\"\ncurrency \"EUR\"").Is(DiagnosticCode.InvalidCurrency, "x.cxr:2:1",
            "the model's currency is already declared at x.cxr:1:1", "a model has one currency; delete this line");
    }

    [Fact]
    public void An_empty_currency_is_unknown()
    {
        Assert.Equal(DiagnosticCode.InvalidCurrency.Id, Cxr.Single("currency \"\"").Code.Id);
    }

    // ---- CXR041 meaning block -----------------------------------------------------------------------------

    [Fact]
    public void Forty_decimals_are_refused()
    {
        Cxr.Single("metric m = count(responses) { decimals 40 }").Is(DiagnosticCode.InvalidMeaning, "x.cxr:1:40",
            "`decimals 40` is not a number of decimals from 0 to 6", "write a whole number such as `decimals 0` or `decimals 1`");
    }

    [Fact]
    public void A_fraction_of_a_decimal_is_refused()
    {
        Assert.Equal(DiagnosticCode.InvalidMeaning.Id, Cxr.Single("metric m = count(responses) { decimals 1.5 }").Code.Id);
    }

    [Fact]
    public void An_unknown_unit_suggests_the_closest()
    {
        Cxr.Single("metric m = count(responses) { unit precent }").Is(DiagnosticCode.InvalidMeaning, "x.cxr:1:36",
            "unknown unit 'precent'", "did you mean 'percent'?");
    }

    [Fact]
    public void A_unit_far_from_any_lists_them_all()
    {
        Cxr.Single("metric m = count(responses) { unit lira }").Is(DiagnosticCode.InvalidMeaning, "x.cxr:1:36",
            "unknown unit 'lira'", "units are none, count, score, percent, currency, ratio, hours, days");
    }

    [Fact]
    public void A_relative_change_declared_on_a_percentage_is_refused()
    {
        Cxr.Single("metric m = share(responses.score >= 9) { relative change }").Is(DiagnosticCode.InvalidMeaning, "x.cxr:1:42",
            "a relative change of a percent says nothing: \"+10%\" of a churn of 2% reads like 12%", "delete the line: the change is shown in points");
    }

    [Fact]
    public void A_relative_change_declared_on_a_declared_score_is_refused()
    {
        Assert.Equal(DiagnosticCode.InvalidMeaning.Id, Cxr.Single("metric m = count(responses) { unit score  relative change }").Code.Id);
    }

    [Fact]
    public void A_label_locale_that_is_not_a_culture_name_is_refused()
    {
        Cxr.Single("metric m = count(responses) { label \"turkish\" \"Yanıt\" }").Is(DiagnosticCode.InvalidMeaning, "x.cxr:1:37",
            "\"turkish\" is not a locale", "write a culture name such as \"tr-TR\" or \"en-US\" (or a language alone: \"tr\")");
    }

    [Fact]
    public void A_misspelt_label_locale_suggests_the_culture()
    {
        Assert.Equal("did you mean \"tr-TR\"?", Cxr.Single("metric m = count(responses) { label \"tr_TR\" \"Yanıt\" }").Hint);
    }

    [Fact]
    public void An_empty_label_is_refused()
    {
        Cxr.Single("metric m = count(responses) { label \"tr-TR\" \"  \" }").Is(DiagnosticCode.InvalidMeaning, "x.cxr:1:45",
            "a label cannot be empty", "write the readable name, or delete the line");
    }

    [Fact]
    public void A_meaning_declared_twice_is_refused_at_the_second()
    {
        Cxr.Single("metric m = count(responses) {\n  decimals 0\n  decimals 1\n}").Is(DiagnosticCode.InvalidMeaning, "x.cxr:3:3",
            "its decimals is declared twice for metric 'm'", "keep one line");
        Assert.Equal("x.cxr:3:3", Cxr.Single("metric m = count(responses) {\n  higher is better\n  lower is better\n}").Span.ToString());
        Assert.Equal("x.cxr:3:3", Cxr.Single("metric m = count(responses) {\n  label \"tr-TR\" \"a\"\n  label \"TR-tr\" \"b\"\n}").Span.ToString());
    }

    // ---- CXR042 money without a currency -------------------------------------------------------------------

    [Fact]
    public void Money_declared_without_a_model_currency_is_a_warning()
    {
        Cxr.Single("metric spend = sum(costs.team) { unit currency }").Is(DiagnosticCode.MoneyWithoutCurrency, "x.cxr:1:34",
            "metric 'spend' is money, but the model declares no currency", "add `currency \"TRY\"` (your ISO 4217 code) to the model block: `model { currency \"TRY\" }`");
    }

    [Fact]
    public void Money_declared_with_a_model_currency_is_fine()
    {
        Assert.Empty(Cxr.Compile("currency \"TRY\"\nmetric spend = sum(costs.team) { unit currency }"));
    }

    // ---- CXR043 moment of a flow ----------------------------------------------------------------------------

    private const string KpiReport = """
        metric customers_active = active(customers)
        report r {
          section "s" {
            kpi {0}
          }
        }
        """;

    [Fact]
    public void At_start_on_a_flow_is_refused()
    {
        Cxr.Single(KpiReport.Replace("{0}", "responses_n at start")).Is(DiagnosticCode.MomentOfFlow, "x.cxr:4:24",
            "'responses_n' is not a snapshot: it counts what happens during the period, not a value at a moment",
            "only metrics built from `active` are values at a moment; delete `at start`");
    }

    [Fact]
    public void At_end_on_a_rate_of_snapshots_and_flows_is_refused()
    {
        Assert.Equal(DiagnosticCode.MomentOfFlow.Id,
            Cxr.Single(KpiReport.Replace("{0}", "churned(customers) / active(customers) at end")).Code.Id);
    }

    [Fact]
    public void A_moment_other_than_start_or_end_is_an_invalid_setting()
    {
        Cxr.Single(KpiReport.Replace("{0}", "customers_active at middle")).Is(DiagnosticCode.InvalidSetting, "x.cxr:4:29",
            "unknown moment 'middle'", "write `at start` or `at end`");
    }

    [Fact]
    public void Snapshot_moments_bind_cleanly()
    {
        Assert.Empty(Cxr.Compile(KpiReport.Replace("{0}", "customers_active at start, customers_active at end, active(customers) * 2")));
    }
}
