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
        var refused = Assert.Throws<ReportArgumentException>(() => ParamValues.Parse(Report, new Dictionary<string, string> { ["since"] = given }, text => text));
        Assert.Equal("since", refused.Parameter);
        Assert.Equal($"{given} for 'since' is outside the dates a run may name (1900-01-01 to 2199-12-31)", refused.Message);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public void The_first_and_last_day_a_run_may_name_are_accepted(string given) =>
        Assert.Equal(DateOnly.Parse(given), ParamValues.Parse(Report, new Dictionary<string, string> { ["since"] = given }, text => text)["since"]);

    [Fact]
    public void A_date_parameter_that_is_not_a_date_is_refused_naming_the_parameter()
    {
        var refused = Assert.Throws<ReportArgumentException>(() => ParamValues.Parse(Report, new Dictionary<string, string> { ["since"] = "2025-02-30" }, text => text));
        Assert.Equal("'2025-02-30' is not a date for 'since' (YYYY-MM-DD)", refused.Message);
    }

    [Fact]
    public void Text_is_typed_at_the_edge_and_a_run_takes_the_typed_value_or_the_default()
    {
        var given = ParamValues.Parse(Report, new Dictionary<string, string> { ["since"] = "2025-06-30" }, text => text);

        Assert.Equal(new DateOnly(2025, 6, 30), ParamValues.Resolve(Report, given)["since"]);
        Assert.Equal(new DateOnly(2025, 1, 1), ParamValues.Resolve(Report, null)["since"]);
    }

    [Fact]
    public void A_parameter_the_report_does_not_declare_is_refused_naming_it_with_the_ones_it_has()
    {
        var refused = Assert.Throws<ReportArgumentException>(() => ParamValues.Parse(Report, new Dictionary<string, string> { ["snice"] = "2025-06-30" }, text => text));

        Assert.Equal(("snice", "report 'r' has no parameter 'snice'"), (refused.Parameter, refused.Message));
        Assert.Equal(["since"], refused.Allowed);
    }

    private static Dsl.Model.ReportModel Compile(string cxr)
    {
        var result = ModelBinder.Compile([new SourceFile("m.cxr", cxr)]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model!.Reports["r"];
    }
}
