using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Tests.Reports;

public sealed class ParamValuesTests
{
    private static readonly Dsl.Model.ReportModel Report = Compile("""
        source responses from "a.csv" {
          time at: date
          column score: integer
        }
        metric n = count(responses)
        report r {
          param since: date = 2025-01-01
          section "s" { kpi n }
        }
        """);

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("9999-12-31")]
    public void A_date_parameter_outside_the_dates_a_run_may_name_is_refused_naming_the_parameter(string given)
    {
        var refused = Assert.Throws<ReportArgumentException>(() => ParamValues.Resolve(Report, new Dictionary<string, string> { ["since"] = given }));
        Assert.Equal("since", refused.Parameter);
        Assert.Equal($"{given} for 'since' is outside the dates a run may name (1900-01-01 to 2199-12-31)", refused.Message);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public void The_first_and_last_day_a_run_may_name_are_accepted(string given) =>
        Assert.Equal(DateOnly.Parse(given), ParamValues.Resolve(Report, new Dictionary<string, string> { ["since"] = given })["since"]);

    [Fact]
    public void A_date_parameter_that_is_not_a_date_is_refused_naming_the_parameter()
    {
        var refused = Assert.Throws<ReportArgumentException>(() => ParamValues.Resolve(Report, new Dictionary<string, string> { ["since"] = "2025-02-30" }));
        Assert.Equal("'2025-02-30' is not a date for 'since' (YYYY-MM-DD)", refused.Message);
    }

    private static Dsl.Model.ReportModel Compile(string cxr)
    {
        var result = ModelBinder.Compile([new SourceFile("m.cxr", cxr)]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model!.Reports["r"];
    }
}
