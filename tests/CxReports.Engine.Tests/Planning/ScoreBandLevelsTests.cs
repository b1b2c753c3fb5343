using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Tests.Planning;

/// <summary>A score's band column ranks its bands from the highest scores to the lowest, whatever they are called.</summary>
public class ScoreBandLevelsTests
{
    private static PlannedQuery Plan(string bands)
    {
        var compiled = ModelBinder.Compile([new SourceFile("m.cxr", $$"""
            source customers from "customers.csv" {
              key id
              time signup: date
            }
            source responses from "responses.csv" {
              link customer = customer_id -> customers
              time at: date
              column score: integer
            }
            score health for customers {
              loyalty weight 1 = last(responses.score) scale 0 .. 10
              {{bands}}
            }
            report r {
              period 2025-01-01 .. 2025-03-31
              section "s" { scores s: health }
            }
            """)]);
        Assert.True(compiled.Diagnostics.Count == 0, string.Join("\n", compiled.Diagnostics));
        var report = compiled.Model!.Reports["r"];
        var planner = new ReportPlanner(compiled.Model, DuckDbDialect.Instance, TimeProvider.System);
        var (period, values) = planner.Resolve(report, new ReportRequest());
        return planner.Plan(report, report.Sections[0].Blocks[0], period, values)!;
    }

    [Fact]
    public void Bands_tried_from_the_top_rank_as_declared()
    {
        var band = Plan("band sağlıklı >= 70\n  band izlenmeli >= 40\n  band riskli").Columns.Single(c => c.Name == "band");

        Assert.Equal(["sağlıklı", "izlenmeli", "riskli"], band.Levels);
    }

    [Fact]
    public void Bands_tried_from_the_bottom_rank_in_reverse()
    {
        var band = Plan("band riskli < 40\n  band izlenmeli < 70\n  band sağlıklı").Columns.Single(c => c.Name == "band");

        Assert.Equal(["sağlıklı", "izlenmeli", "riskli"], band.Levels);
    }

    [Fact]
    public void Score_points_and_components_are_better_when_higher()
    {
        var columns = Plan("band all").Columns;

        Assert.Equal(Direction.HigherIsBetter, columns.Single(c => c.Name == "score").Meaning.Direction);
        Assert.Equal(Direction.HigherIsBetter, columns.Single(c => c.Name == "loyalty").Meaning.Direction);
    }
}
