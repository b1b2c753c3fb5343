using CsCheck;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Formatting;

public class FormatterTests
{
    private static string Format(string text) => CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("f.cxr", text)).Value);

    [Fact]
    public void Formatting_the_design_examples_is_idempotent_keeps_every_comment_and_preserves_meaning()
    {
        foreach (var file in Fixture.Files("dsl_examples"))
        {
            var once = Format(file.Text);
            var twice = Format(once);
            Assert.Equal(once, twice);

            var original = CxrParser.ParseFile(file).Value;
            var reparsed = CxrParser.ParseFile(new SourceFile(file.Path, once));
            Assert.Empty(reparsed.Diagnostics);
            Assert.Equal(CxReports.Fuzz.SyntaxShape.Of(original), CxReports.Fuzz.SyntaxShape.Of(reparsed.Value));
            Assert.Equal(original.Comments.Select(c => c.Text.TrimEnd()), reparsed.Value.Comments.Select(c => c.Text));
        }
    }

    [Fact]
    public void Layout_is_two_space_indented_one_member_per_line_with_a_blank_line_between_declarations()
    {
        const string messy = "metric   a=count( responses )  where responses.score>=9\nsource responses from \"a.csv\" { key id\n column score : integer   range 0..10 }";
        Assert.Equal(
            "metric a = count(responses) where responses.score >= 9\n\n" +
            "source responses from \"a.csv\" {\n  key id\n  column score: integer range 0 .. 10\n}\n",
            Format(messy));
    }

    [Fact]
    public void A_meaning_block_gets_one_line_per_declaration_and_the_currency_goes_into_the_model_block()
    {
        const string messy = "currency   \"TRY\"\nmetric arpa \"ARPA\" = arpa(invoices) per month { unit currency  decimals 0\n higher is better # money\n" +
                             "  no relative change label \"tr-TR\" \"Hesap başına gelir\" }";
        const string canonical = "model {\n  currency \"TRY\"\n}\n\n" +
                                 "metric arpa \"ARPA\" = arpa(invoices) per month {\n  unit currency\n  decimals 0\n  higher is better  # money\n" +
                                 "  no relative change\n  label \"tr-TR\" \"Hesap başına gelir\"\n}\n";
        Assert.Equal(canonical, Format(messy));
        Assert.Equal(canonical, Format(canonical));
        Assert.Equal("metric m = count(x) {\n  lower is better\n  neutral\n  relative change\n}\n",
            Format("metric m = count(x) { lower is better neutral relative change }"));
    }

    [Fact]
    public void Snapshot_moments_stay_after_their_kpi_metric()
    {
        const string text = "report r {\n  section \"s\" {\n    kpi customers_active at start, nps, customers_active at end compare previous period\n  }\n}\n";
        Assert.Equal(text, Format(text));
        var shape = CxReports.Fuzz.SyntaxShape.Of(CxrParser.ParseFile(new SourceFile("f.cxr", text)).Value);
        Assert.Equal(shape, CxReports.Fuzz.SyntaxShape.Of(CxrParser.ParseFile(new SourceFile("f.cxr", Format(text))).Value));
    }

    [Fact]
    public void Order_by_and_value_labels_print_in_canonical_form_and_format_idempotently()
    {
        const string messy = "source s from \"s.csv\" { key id\n column reason in (\"fiyat\",\"diger\") labels ( \"fiyat\"  as \"Fiyat\" ,\"diger\" as \"Diğer\") }\n" +
                             "report r { section \"s\" { table n by s.reason order by n  desc,s.reason asc top 3 } }";
        var once = Format(messy);
        Assert.Equal(
            "source s from \"s.csv\" {\n  key id\n  column reason in (\"fiyat\", \"diger\") labels (\"fiyat\" as \"Fiyat\", \"diger\" as \"Diğer\")\n}\n\n" +
            "report r {\n  section \"s\" {\n    table n by s.reason order by n desc, s.reason top 3\n  }\n}\n",
            once);
        Assert.Equal(once, Format(once));
        Assert.Equal(CxReports.Fuzz.SyntaxShape.Of(CxrParser.ParseFile(new SourceFile("f.cxr", messy)).Value),
            CxReports.Fuzz.SyntaxShape.Of(CxrParser.ParseFile(new SourceFile("f.cxr", once)).Value));
    }

    [Fact]
    public void Parentheses_are_kept_only_where_precedence_needs_them()
    {
        Assert.Equal("metric x = (a + b) * c / (d - e)\n", Format("metric x = ((a + b)) * c / (d - e)"));
        Assert.Equal("metric x = a - (b - c)\n", Format("metric x = a - (b - c)"));
    }

    [Fact]
    public void A_comment_on_its_own_line_stays_before_the_next_member_and_a_blank_line_is_kept()
    {
        const string text = "source s from \"s.csv\" {\n  key id\n\n  # the channel\n  column channel  # trailing\n}\n";
        Assert.Equal(text, Format(text));
    }

    [Fact]
    public void Formatting_is_idempotent_and_meaning_preserving_for_generated_metric_expressions()
    {
        var name = Gen.OneOf("a", "b", "responses.score", "müşteri");
        var number = Gen.Int[0, 999].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var op = Gen.OneOf("+", "-", "*", "/");
        var leaf = Gen.OneOf(name, number);
        var expression = Gen.Recursive<string>((depth, self) => depth >= 4 ? leaf :
            Gen.OneOf(leaf,
                Gen.Select(self, op, self, (l, o, r) => $"{l} {o} {r}"),
                self.Select(e => $"({e})"),
                self.Select(e => $"-{e}"),
                self.Select(e => $"sum({e})")));
        expression.Sample(text =>
        {
            var source = $"metric m = {text}\n";
            var parsed = CxrParser.ParseFile(new SourceFile("g.cxr", source));
            Assert.Empty(parsed.Diagnostics);
            var once = CxrFormatter.Format(parsed.Value);
            Assert.Equal(once, Format(once));
            Assert.Equal(CxReports.Fuzz.SyntaxShape.Of(parsed.Value), CxReports.Fuzz.SyntaxShape.Of(CxrParser.ParseFile(new SourceFile("g.cxr", once)).Value));
        }, iter: 2000);
    }
}
