using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR001..CXR005: text that cannot be read as CXR, and how the parser recovers to report the rest.</summary>
public class SyntaxDiagnosticsTests
{
    private const string CharactersHint = "CXR uses letters, digits, quotes and + - * / = < > ! ( ) { } , : . %";

    [Fact]
    public void Stray_character_is_reported_and_skipped()
    {
        Cxr.Single("metric a = count(responses) @").Is(DiagnosticCode.UnexpectedCharacter, "x.cxr:1:29",
            "unexpected character '@'", CharactersHint);
    }

    [Fact]
    public void Character_outside_the_basic_plane_is_one_unexpected_character()
    {
        var diagnostic = Cxr.Single("metric a = count(responses) 😀 + 1");
        diagnostic.Is(DiagnosticCode.UnexpectedCharacter, "x.cxr:1:29", "unexpected character '😀'", CharactersHint);
        Assert.Equal(2, diagnostic.Span.Length);
    }

    [Fact]
    public void String_not_closed_before_the_end_of_the_line_is_reported_at_its_opening_quote()
    {
        Cxr.Single("""
            report r {
              description "Weekly summary
            }
            """).Is(DiagnosticCode.UnterminatedString, "x.cxr:2:15",
            "string is not closed before the end of the line", "add the closing \"; a quote inside a string is written \\\"");
    }

    [Fact]
    public void Windows_line_endings_give_the_same_lines_and_columns()
    {
        var diagnostics = Cxr.Compile("report r {\r\n  description \"Weekly summary\r\n  grain fortnight\r\n}\r\n");

        Assert.Equal(2, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.UnterminatedString, "x.cxr:2:15",
            "string is not closed before the end of the line", "add the closing \"; a quote inside a string is written \\\"");
        diagnostics[1].Is(DiagnosticCode.InvalidSetting, "x.cxr:3:9", "unknown grain 'fortnight'", "grains are day, week, month, quarter and year");
    }

    [Fact]
    public void Unknown_escape_is_reported_at_its_backslash()
    {
        Cxr.Single("""
            report r {
              section "s" { text "C:\reports" }
            }
            """).Is(DiagnosticCode.InvalidEscape, "x.cxr:2:25",
            "unknown escape '\\r' in string", "use \\\", \\\\, \\n or \\t; write \\\\ for a backslash");
    }

    [Fact]
    public void Missing_equals_in_a_metric_names_what_was_found_and_what_was_expected()
    {
        Cxr.Single("metric m nps(responses.score)").Is(DiagnosticCode.SyntaxError, "x.cxr:1:10", "unexpected `nps`, expected `=`");
    }

    [Fact]
    public void Several_syntax_errors_in_different_blocks_are_all_reported_in_one_pass()
    {
        const string text = """
            source a from "a.csv" {
              key id
              column x: = "col"
              column y
            }

            metric m = count(a)

            score s for customers {
              usage weight 40 count(responses) scale 0 .. 10
              loyalty weight 60 = last(responses.score) scale 0 .. 10
              band all
            }

            report r {
              period last 12 months
              param p text
              section "s" { kpi m }
            }
            """;
        var diagnostics = Cxr.Compile(text);

        Assert.Equal(3, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.SyntaxError, "x.cxr:3:13", "unexpected `=`, expected type in a source");
        diagnostics[1].Is(DiagnosticCode.SyntaxError, "x.cxr:10:19", "unexpected `count`, expected `=` in a score");
        diagnostics[2].Is(DiagnosticCode.SyntaxError, "x.cxr:17:11", "unexpected `text`, expected `:` in a report");
    }

    [Fact]
    public void After_a_broken_member_the_rest_of_its_block_and_the_file_still_bind()
    {
        const string text = """
            source a from "a.csv" {
              key id
              column x: = "col"
              column y
            }

            score s for customers {
              usage weight 40 count(responses) scale 0 .. 10
              loyalty weight 60 = last(responses.score) scale 0 .. 10
              band all
            }

            metric m = count(a)
            """;
        var parsed = CxrParser.ParseFile(new SourceFile("x.cxr", text));
        Assert.Equal(2, parsed.Diagnostics.Count);

        var bound = ModelBinder.Bind([CxrParser.ParseFile(Cxr.ModelFile).Value, parsed.Value]);
        Assert.Empty(bound.Diagnostics);
        Assert.Equal(["id", "y"], bound.Model!.Sources["a"].Fields.Select(f => f.Name));
        Assert.Equal(["loyalty"], bound.Model.Scores["s"].Components.Select(c => c.Name));
        Assert.Equal(["a"], bound.Model.Metrics["m"].Sources);
    }

    [Fact]
    public void Missing_closing_brace_costs_one_error_and_the_next_declaration_still_binds()
    {
        const string text = """
            source a from "a.csv" {
              key id
              column x

            metric m = count(a)
            """;
        var diagnostics = Cxr.Compile(text);

        Cxr.One(diagnostics).Is(DiagnosticCode.SyntaxError, "x.cxr:5:1", "expected `}` to close the source before this metric",
            "the source opened at line 1 is never closed");
        var bound = ModelBinder.Bind([CxrParser.ParseFile(Cxr.ModelFile).Value, CxrParser.ParseFile(new SourceFile("x.cxr", text)).Value]);
        Assert.Empty(bound.Diagnostics);
        Assert.Equal(["id", "x"], bound.Model!.Sources["a"].Fields.Select(f => f.Name));
        Assert.Equal(["a"], bound.Model.Metrics["m"].Sources);
    }

    [Fact]
    public void Block_left_open_at_the_end_of_the_file_is_reported_after_its_last_token()
    {
        Cxr.Single("""
            report r {
              section "s" { text "ok" }
            """).Is(DiagnosticCode.SyntaxError, "x.cxr:2:28", "unexpected end of file, expected `}` to close the report",
            "the report opened at line 1 is never closed");
    }

    [Fact]
    public void Text_that_starts_no_declaration_is_skipped_to_the_next_one()
    {
        var diagnostics = Cxr.Compile("""
            metrc m = count(responses)
            metric n = count(responses)
            """);
        Cxr.One(diagnostics).Is(DiagnosticCode.SyntaxError, "x.cxr:1:1",
            "unexpected `metrc`, expected declaration (source, metric, score, scenario, report, alert, model or currency)");
    }

    [Fact]
    public void Query_that_ends_too_early_is_a_syntax_error_at_its_end()
    {
        Cxr.SingleInQuery("nps by").Is(DiagnosticCode.SyntaxError, "<query>:1:7", "unexpected end of file, expected name in the query");
    }

    [Fact]
    public void Words_after_a_complete_query_are_a_syntax_error_with_the_query_form_as_hint()
    {
        Cxr.SingleInQuery("nps extra").Is(DiagnosticCode.SyntaxError, "<query>:1:5", "unexpected `extra` after the query",
            "a query is: metrics [by dimensions] [where condition] [order by column [asc|desc], ...] [top N [by metric]]");
    }

    [Fact]
    public void Date_that_is_not_a_calendar_day_is_one_invalid_literal()
    {
        Cxr.Single("""
            report r {
              period 2025-02-01 .. 2025-02-30
            }
            """).Is(DiagnosticCode.InvalidLiteral, "x.cxr:2:24", "'2025-02-30' is not a calendar date",
            "dates are written YYYY-MM-DD and must exist (2025-02-30 does not)");
    }

    [Fact]
    public void Fraction_in_a_duration_is_an_invalid_literal()
    {
        Cxr.Single("""
            score s for customers {
              usage weight 40 = count(responses) within 1.5 days scale 0 .. 10
            }
            """).Is(DiagnosticCode.InvalidLiteral, "x.cxr:2:45", "'1.5' is not a whole number",
            "durations, counts and horizons are whole numbers");
    }

    [Fact]
    public void Fraction_in_a_scenario_horizon_is_one_invalid_literal()
    {
        Cxr.Single("""
            scenario s {
              retain 1
              value arpa
              horizon 1.5 years
            }
            """).Is(DiagnosticCode.InvalidLiteral, "x.cxr:4:11", "'1.5' is not a whole number",
            "durations, counts and horizons are whole numbers");
    }

    [Fact]
    public void Count_too_large_for_a_whole_number_is_one_invalid_literal()
    {
        Cxr.Single("""
            report r {
              period last 99999999999 months
            }
            """).Is(DiagnosticCode.InvalidLiteral, "x.cxr:2:15", "'99999999999' is too large a number",
            "durations, counts and horizons are whole numbers");
    }

    [Fact]
    public void Number_too_large_for_a_decimal_is_an_invalid_literal_not_a_crash()
    {
        Cxr.Single("metric m = count(responses) where responses.score > 99999999999999999999999999999999")
            .Is(DiagnosticCode.InvalidLiteral, "x.cxr:1:53", "'99999999999999999999999999999999' is too large a number",
                "numbers have at most 28 digits");
    }

    [Fact]
    public void Percentage_too_large_for_a_decimal_is_an_invalid_literal_not_a_crash()
    {
        Cxr.Single("metric m = count(responses) where responses.score > 99999999999999999999999999999999%")
            .Is(DiagnosticCode.InvalidLiteral, "x.cxr:1:53", "'99999999999999999999999999999999%' is too large a number",
                "numbers have at most 28 digits");
    }

    [Fact]
    public void A_number_with_more_digits_than_a_decimal_keeps_is_an_invalid_literal_not_another_number()
    {
        // 34 significant digits; a decimal keeps 28: 23 before the point leave 5 after it, so .59999999999 is .60000.
        Cxr.Single("metric m = count(responses) where responses.score > 99999999999999999999993.59999999999")
            .Is(DiagnosticCode.InvalidLiteral, "x.cxr:1:53",
                "'99999999999999999999993.59999999999' has more digits than a number keeps; it would be read as 99999999999999999999993.60000",
                "numbers have at most 28 significant digits");
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("000012.50000")]
    [InlineData("1234567890123456789012345678")]
    [InlineData("0.0000000000000000000000000001")]
    public void Numbers_a_decimal_holds_exactly_are_read_without_a_diagnostic(string number) =>
        Assert.Empty(Cxr.Compile($"metric m = count(responses) where responses.score > {number}"));
}
