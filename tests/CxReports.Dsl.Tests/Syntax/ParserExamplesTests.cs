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
        var scores = Assert.IsType<ScoresBlock>(sections[2].Blocks.Single());
        Assert.Equal(20m, scores.Top!.Count.Value);
    }
}
