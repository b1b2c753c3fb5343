using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Tests.Syntax;

public class ParserExamplesTests
{
    [Fact]
    public void Every_example_of_the_language_design_parses_without_diagnostics()
    {
        foreach (var file in Fixture.Files("dsl_examples"))
        {
            var result = CxrParser.ParseFile(file);
            Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void The_example_report_keeps_every_member_and_block()
    {
        var report = Fixture.Files("dsl_examples").Select(CxrParser.ParseFile)
            .SelectMany(r => r.Value.Declarations).OfType<ReportDeclaration>().Single();

        Assert.Equal("cx_overview", report.Name.Text);
        Assert.Equal("Customer Experience Overview", report.Title?.Value);
        var sections = report.Members.OfType<SectionMember>().ToArray();
        Assert.Equal(["Loyalty", "Retention", "Who to call", "ROI"], sections.Select(s => s.Title.Value));
        Assert.Equal(["kpi", "chart", "table", "text"], sections[0].Blocks.Select(b => b.Keyword));
        var schedule = report.Members.OfType<ScheduleMember>().Single();
        Assert.Equal(["email", "folder", "webhook"], schedule.Deliveries.Select(d => d.Kind.Text));
        Assert.Equal(["pdf", "json"], schedule.Deliveries.ElementAt(1).Formats.Select(f => f.Text));
        Assert.Equal(2, sections[2].Blocks.Length);
        var scores = Assert.IsType<ScoresBlock>(sections[2].Blocks[0]);
        Assert.Equal(20m, scores.Top!.Count.Value);
        var advocates = Assert.IsType<ScoresBlock>(sections[2].Blocks[1]);
        Assert.Equal(["loyalty", "desc"], [((PathExpression)advocates.Top!.By!).Text, advocates.Top.Ascending ? "asc" : "desc"]);
        Assert.Equal(["monthly_fee"], advocates.ThenBy.Select(k => ((PathExpression)k.By).Text));
        Assert.False(advocates.ThenBy[0].Ascending);
        Assert.Equal(["plan", "country"], advocates.Show.Select(p => p.Text));
        Assert.Equal("No advocate yet", advocates.Empty?.Value);
    }
}
