using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// CXR036: a file of garbage gives a bounded list. 262,000 stray characters used to give 262,000 diagnostics (about
/// 100 MiB per check in the server, and a `cxr check` that printed the 262,000-character line under each of them).
/// </summary>
public class DiagnosticCountLimitTests
{
    [Fact]
    public void A_quarter_megabyte_of_stray_characters_lists_the_first_thousand_and_says_how_many_more()
    {
        var result = ModelBinder.Compile([new SourceFile("at.cxr", new string('@', 262_000))]);

        // One CXR001 per '@': the first 1,000 (columns 1 to 1,000) are kept, 262,000 - 1,000 are counted.
        Assert.Equal(1001, result.Diagnostics.Count);
        Assert.All(result.Diagnostics.Take(1000), d => Assert.Equal(DiagnosticCode.UnexpectedCharacter, d.Code));
        Assert.Equal(Enumerable.Range(1, 1000), result.Diagnostics.Take(1000).Select(d => d.Span.Column));
        var summary = result.Diagnostics[^1];
        Assert.Equal("at.cxr:1:1001: error CXR036: 261,000 more finding(s) from here on are not listed (at most 1,000 are kept)", summary.Headline);
        Assert.Null(result.Model);
    }

    [Fact]
    public void A_file_with_fewer_findings_than_the_limit_gets_no_summary()
    {
        var result = ModelBinder.Compile([new SourceFile("few.cxr", new string('@', 999))]);
        Assert.Equal(999, result.Diagnostics.Count);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCode.TooManyDiagnostics);
    }

    [Fact]
    public void The_bag_counts_what_it_drops_and_summarises_at_the_first_dropped_place()
    {
        var bag = new DiagnosticBag(limit: 2);
        for (var column = 1; column <= 5; column++)
            bag.Add(DiagnosticCode.SyntaxError, new SourceSpan("f.cxr", column - 1, 1, column, 1), $"error {column}");

        Assert.True(bag.IsFull);
        Assert.Equal(3, bag.Dropped);
        Assert.Equal(["error 1", "error 2", "3 more finding(s) from here on are not listed (at most 2 are kept)"],
            bag.WithSummary().Select(d => d.Message));
        Assert.Equal(3, bag.WithSummary()[^1].Span.Column);
    }
}
