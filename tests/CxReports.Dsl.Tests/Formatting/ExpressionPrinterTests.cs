using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Formatting;

/// <summary>
/// Every pair of operators printed inside one another: the printed text parses back to the same tree, and prints
/// to itself. Comparisons do not chain, so a comparison (or anything looser) inside one keeps its parentheses.
/// </summary>
public class ExpressionPrinterTests
{
    [Theory]
    [InlineData("(a >= 9) = (b >= 4)", "(a >= 9) = (b >= 4)")]
    [InlineData("(a = b) != c", "(a = b) != c")]
    [InlineData("a = (b < c)", "a = (b < c)")]
    [InlineData("(a and b) = c", "(a and b) = c")]
    [InlineData("(a or b) = c", "(a or b) = c")]
    [InlineData("(not a) = b", "(not a) = b")]
    [InlineData("a <= (not b)", "a <= (not b)")]
    [InlineData("(a in (1, 2)) = b", "(a in (1, 2)) = b")]
    [InlineData("(a not in (1)) = b", "(a not in (1)) = b")]
    [InlineData("(a between 1 and 2) = b", "(a between 1 and 2) = b")]
    [InlineData("a between (b = c) and d", "a between (b = c) and d")]
    [InlineData("a between b and (c > d)", "a between b and (c > d)")]
    [InlineData("(a = b) between 1 and 2", "(a = b) between 1 and 2")]
    [InlineData("(a = b) in (c = d, e)", "(a = b) in (c = d, e)")]
    [InlineData("(a + b) in (1, 2)", "a + b in (1, 2)")]
    [InlineData("(a or b) and c", "(a or b) and c")]
    [InlineData("a or (b or c)", "a or (b or c)")]
    [InlineData("(a or b) or c", "a or b or c")]
    [InlineData("a and (b and c)", "a and (b and c)")]
    [InlineData("not (a and b)", "not (a and b)")]
    [InlineData("not (a = b)", "not a = b")]
    [InlineData("not not a", "not not a")]
    [InlineData("a - (b - c)", "a - (b - c)")]
    [InlineData("a - (b + c)", "a - (b + c)")]
    [InlineData("(a - b) - c", "a - b - c")]
    [InlineData("a / (b * c)", "a / (b * c)")]
    [InlineData("(a / b) * c", "a / b * c")]
    [InlineData("a * (b + c)", "a * (b + c)")]
    [InlineData("-(a + b)", "-(a + b)")]
    [InlineData("-(a * b)", "-(a * b)")]
    [InlineData("(-a) * b", "-a * b")]
    [InlineData("a * -b", "a * -b")]
    [InlineData("a - -b", "a - -b")]
    [InlineData("- -a", "--a")]
    [InlineData("(a + b) > (c * d)", "a + b > c * d")]
    [InlineData("((a))", "a")]
    public void Printed_expressions_parse_back_to_the_same_tree(string written, string printed)
    {
        var text = $"metric m = count(r) where {written}\n";
        var original = CxrParser.ParseFile(new SourceFile("p.cxr", text));
        Assert.Empty(original.Diagnostics);

        var formatted = CxrFormatter.Format(original.Value);
        Assert.Equal($"metric m = count(r) where {printed}\n", formatted);

        var reparsed = CxrParser.ParseFile(new SourceFile("p.cxr", formatted));
        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(CxReports.Fuzz.SyntaxShape.Of(original.Value), CxReports.Fuzz.SyntaxShape.Of(reparsed.Value));
        Assert.Equal(formatted, CxrFormatter.Format(reparsed.Value));
    }

    [Fact]
    public void A_tree_deeper_than_the_parser_allows_is_refused_as_a_bug_before_printing_recurses()
    {
        Expression deep = new NumberLiteral(1);
        for (var i = 0; i < 100_000; i++)
            deep = new UnaryExpression(UnaryOperator.Negate, deep);

        var error = Assert.Throws<ArgumentException>(() => (object)ExpressionPrinter.Print(deep));
        Assert.Contains("nests more than 100 levels deep (CXR031)", error.Message);
    }
}
