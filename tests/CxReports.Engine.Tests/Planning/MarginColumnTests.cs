using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Tests.Planning;

/// <summary>A margin-of-error column names the column it is the margin of, so a chart draws it as a band around that metric.</summary>
public class MarginColumnTests
{
    [Fact]
    public void A_planned_margin_column_says_whose_margin_it_is()
    {
        var compiled = ModelBinder.Compile([new SourceFile("m.cxr", """
            source responses from "responses.csv" {
              time at: date
              column score: integer
            }
            metric nps "NPS" = nps(responses.score)
            metric nps_margin "NPS margin of error" = nps_margin(responses.score)
            report r {
              period 2025-01-01 .. 2025-03-31
              section "s" { chart line c: nps, nps_margin by month }
            }
            """)]);
        Assert.True(compiled.Diagnostics.Count == 0, string.Join("\n", compiled.Diagnostics));
        var report = compiled.Model!.Reports["r"];
        var planner = new ReportPlanner(compiled.Model, DuckDbDialect.Instance, TimeProvider.System);
        var (period, values) = planner.Resolve(report, new ReportRequest());

        var columns = planner.Plan(report, report.Sections[0].Blocks[0], period, values)!.Columns;

        Assert.Equal([null, null, "nps"], columns.Select(c => c.MarginOf));
    }
}
