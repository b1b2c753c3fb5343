using CxReports.Dsl.Binding;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Tests.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Formatting;

/// <summary>
/// <c>cxr fmt</c> writes the model block one setting per line and moves a top-level <c>currency</c> line into it, so the
/// block is the one way a model's settings are written; formatting binds to the same model and formats to itself.
/// </summary>
public class ModelBlockFormattingTests
{
    private static string Format(string text, bool modelBlockInAnotherFile = false) =>
        CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", text)).Value, modelBlockInAnotherFile);

    private static ModelSettings SettingsOf(string text) =>
        (ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", text)]).Model ?? throw new InvalidOperationException("does not bind")).Settings;

    /// <summary>The formatted text formats to itself and binds to the same settings as the text written.</summary>
    private static string FormattedAlike(string text)
    {
        var formatted = Format(text);
        Assert.Equal(formatted, Format(formatted));
        Assert.Equal(SettingsOf(text), SettingsOf(formatted));
        return formatted;
    }

    [Fact]
    public void The_block_gets_one_setting_per_line()
    {
        Assert.Equal("model {\n  timezone \"Europe/Istanbul\"\n  locale \"tr-TR\"\n  currency \"TRY\"\n}\n",
            FormattedAlike("model { timezone   \"Europe/Istanbul\" locale \"tr-TR\"\n currency \"TRY\" }"));
    }

    [Fact]
    public void Several_currency_lines_stay_where_they_are_so_the_error_still_names_the_second()
    {
        // Found by the fuzzer (seed 2727): moving the first line into the block made the second one the model's
        // currency and the moved one the duplicate.
        const string text = "currency \"USD\"\ncurrency \"EUR\"\nmodel {\n}\n";
        var formatted = Format(text);
        Assert.Equal("currency \"USD\"\n\ncurrency \"EUR\"\n\nmodel {\n}\n", formatted);
        var diagnostic = Assert.Single(ModelBinder.Compile([new SourceFile("x.cxr", formatted)]).Diagnostics, d => d.Code == CxReports.Dsl.Diagnostics.DiagnosticCode.InvalidCurrency);
        Assert.Equal(3, diagnostic.Span.Line);
    }

    [Fact]
    public void A_currency_line_becomes_a_model_block_keeping_its_comments()
    {
        Assert.Equal("# money\nmodel {\n  currency \"TRY\"  # lira\n}\n\nmetric n = count(responses)\n",
            FormattedAlike("# money\ncurrency   \"TRY\" # lira\nmetric n = count(responses)\n"));
    }

    [Fact]
    public void A_currency_line_moves_into_the_files_block_without_a_currency()
    {
        Assert.Equal("metric n = count(responses)\n\nmodel {\n  timezone \"Europe/Istanbul\"\n  currency \"EUR\"\n}\n",
            FormattedAlike("metric n = count(responses)\ncurrency \"EUR\"\nmodel {\n  timezone \"Europe/Istanbul\"\n}\n"));
    }

    [Fact]
    public void A_currency_line_stays_a_line_when_another_file_holds_the_block()
    {
        Assert.Equal("currency \"TRY\"\n", Format("currency \"TRY\"\n", modelBlockInAnotherFile: true));
    }

    [Fact]
    public void A_second_currency_stays_where_it_was_written_so_that_it_is_still_refused()
    {
        const string text = "currency \"EUR\"\n\nmodel {\n  currency \"TRY\"\n}\n";
        Assert.Equal(text, Format(text));
        Assert.Equal("model {\n  currency \"TRY\"\n}\n\ncurrency \"EUR\"\n", Format("currency \"TRY\"\ncurrency \"EUR\"\n"));
    }

    [Fact]
    public void An_empty_block_stays_an_empty_block()
    {
        Assert.Equal("model {\n}\n", FormattedAlike("model {}"));
    }
}
