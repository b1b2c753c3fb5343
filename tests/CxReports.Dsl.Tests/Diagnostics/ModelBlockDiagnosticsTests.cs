using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// The model block: CXR070 a second block, CXR071 an unknown setting, CXR072 a block inside another declaration; its
/// zone, locale and currency are checked as a report's zone and locale and a currency line are (CXR018, CXR027,
/// CXR055, CXR040), and bad text in it is a diagnostic, never an exception.
/// </summary>
public class ModelBlockDiagnosticsTests
{
    // ---- CXR070 a second model block -------------------------------------------------------------------------

    [Fact]
    public void A_second_model_block_is_refused_naming_the_first()
    {
        Cxr.Single("""
            model {
              timezone "Europe/Istanbul"
            }
            model {
              locale "tr-TR"
            }
            """).Is(DiagnosticCode.ModelBlockTwice, "x.cxr:4:1", "the model block is already written at x.cxr:1:1",
            "a model has one model block; move these settings into it");
    }

    [Fact]
    public void Model_blocks_in_two_files_are_refused_naming_the_first_file()
    {
        var diagnostics = ModelBinder.Compile([
            Cxr.ModelFile, new SourceFile("a.cxr", "model {\n  locale \"tr-TR\"\n}\n"), new SourceFile("b.cxr", "\nmodel {\n  currency \"TRY\"\n}\n"),
        ]).Diagnostics;

        Cxr.One(diagnostics).Is(DiagnosticCode.ModelBlockTwice, "b.cxr:2:1", "the model block is already written at a.cxr:1:1",
            "a model has one model block; move these settings into it");
    }

    // ---- CXR071 unknown setting ------------------------------------------------------------------------------

    [Fact]
    public void A_misspelt_setting_suggests_the_closest_one()
    {
        Cxr.Single("""
            model {
              timezon "Europe/Istanbul"
            }
            """).Is(DiagnosticCode.UnknownModelSetting, "x.cxr:2:3", "unknown model setting 'timezon'", "did you mean 'timezone'?");
    }

    [Fact]
    public void A_block_of_unknown_words_lists_the_settings_once_per_word()
    {
        var diagnostics = Cxr.Compile("""
            model {
              colour blue
              size 12
            }
            """);

        Assert.Equal(["x.cxr:2:3: error CXR071: unknown model setting 'colour'", "x.cxr:3:3: error CXR071: unknown model setting 'size'"],
            diagnostics.Select(d => d.Headline));
        Assert.All(diagnostics, d => Assert.Equal("the model block sets timezone, locale and currency", d.Hint));
    }

    [Fact]
    public void A_setting_given_twice_is_refused_naming_the_first()
    {
        Cxr.Single("""
            model {
              locale "tr-TR"
              locale "en-US"
            }
            """).Is(DiagnosticCode.DuplicateName, "x.cxr:3:3", "'locale' is set twice in the model block (first at x.cxr:2:3)");
    }

    // ---- values, checked as a report's -----------------------------------------------------------------------

    [Fact]
    public void An_unknown_zone_suggests_the_closest_one_as_in_a_report()
    {
        Cxr.Single("""
            model {
              timezone "Europe/Istambul"
            }
            """).Is(DiagnosticCode.UnknownTimeZone, "x.cxr:2:12", "unknown time zone \"Europe/Istambul\"", "did you mean 'Europe/Istanbul'?");
    }

    [Fact]
    public void An_unknown_locale_is_refused_as_in_a_report()
    {
        Cxr.Single("""
            model {
              locale "xx-YY"
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:10", "unknown locale \"xx-YY\"", "use a language-region name such as \"en-US\" or \"tr-TR\"");
    }

    [Fact]
    public void A_locale_without_translated_words_is_the_reports_warning()
    {
        Cxr.Single("""
            model {
              locale "de-DE"
            }
            """).Is(DiagnosticCode.UntranslatedLocale, "x.cxr:2:10",
            "locale \"de-DE\" has no translated words: documents print its numbers and dates with English words",
            "the locales with every word translated are \"en-US\" and \"tr-TR\"");
    }

    [Fact]
    public void A_zone_that_is_not_text_takes_a_string_in_quotes()
    {
        Cxr.Single("""
            model {
              timezone 3
            }
            """).Is(DiagnosticCode.InvalidSetting, "x.cxr:2:3", "'timezone' takes one string in quotes");
    }

    [Fact]
    public void An_unknown_currency_in_the_block_suggests_the_closest_code_as_a_currency_line_does()
    {
        Cxr.Single("""
            model {
              currency "TL"
            }
            """).Is(DiagnosticCode.InvalidCurrency, "x.cxr:2:12", "unknown currency \"TL\"", "did you mean \"TRY\"?");
    }

    [Fact]
    public void A_currency_line_beside_a_block_with_a_currency_is_refused_naming_the_first()
    {
        Cxr.Single("""
            currency "EUR"
            model {
              currency "TRY"
            }
            """).Is(DiagnosticCode.InvalidCurrency, "x.cxr:3:3", "the model's currency is already declared at x.cxr:1:1",
            "a model has one currency; delete this line");
    }

    [Fact]
    public void A_nul_in_a_value_is_a_control_character_and_the_zone_is_unknown()
    {
        var diagnostics = Cxr.Compile("model {\n  timezone \"Europe/Ist\0anbul\"\n}\n");

        Assert.Equal(["x.cxr:2:12: error CXR018: unknown time zone \"Europe/Ist\0anbul\"", "x.cxr:2:23: error CXR033: string contains the control character U+0000"],
            diagnostics.Select(d => d.Headline));
    }

    [Fact]
    public void Ten_thousand_settings_are_listed_up_to_the_limit()
    {
        var text = "model {\n" + string.Concat(Enumerable.Repeat("  colour \"blue\"\n", 10_000)) + "}\n";

        var diagnostics = Cxr.Compile(text);

        Assert.Equal(1001, diagnostics.Count);
        Assert.Equal(1000, diagnostics.Count(d => d.Code == DiagnosticCode.UnknownModelSetting));
        Assert.Equal(DiagnosticCode.TooManyDiagnostics, diagnostics[^1].Code);
    }

    // ---- CXR072 a block inside another declaration -----------------------------------------------------------

    [Fact]
    public void A_model_block_inside_a_report_is_refused_and_the_report_still_binds()
    {
        var diagnostics = Cxr.Compile("""
            report r {
              model {
                timezone "Europe/Istanbul"
              }
              section "s" { kpi nps }
            }
            """);

        Cxr.One(diagnostics).Is(DiagnosticCode.MisplacedModelBlock, "x.cxr:2:3", "a model block cannot stand inside a report",
            "the model block is a declaration of its own: move it out of every { }, to the start of a line in any file");
    }

    [Fact]
    public void A_model_block_inside_a_source_is_refused()
    {
        Cxr.Single("""
            source extra from "extra.csv" {
              key id
              model { locale "tr-TR" }
            }
            """).Is(DiagnosticCode.MisplacedModelBlock, "x.cxr:3:3", "a model block cannot stand inside a source",
            "the model block is a declaration of its own: move it out of every { }, to the start of a line in any file");
    }

    [Fact]
    public void A_model_block_at_the_start_of_a_line_ends_an_unclosed_report_and_is_read()
    {
        var result = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", "report r {\n  section \"s\" { kpi nps }\nmodel {\n  locale \"xx\"\n}\n")]);

        Assert.Equal(["x.cxr:3:1: error CXR004: expected `}` to close the report before this model", "x.cxr:4:10: error CXR027: unknown locale \"xx\""],
            result.Diagnostics.Select(d => d.Headline));
    }

    [Fact]
    public void A_model_word_without_a_block_is_a_syntax_error()
    {
        Assert.Equal(DiagnosticCode.SyntaxError, Cxr.Single("model timezone \"UTC\"").Code);
    }
}
