using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Charts;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class ChartDataTests
{
    [Fact]
    public void Metrics_by_month_become_one_series_each_over_sorted_months()
    {
        var table = new ResultTable([MonthColumn(), Col("promoters", ColumnType.Integer, Unit.Count), Col("detractors", ColumnType.Integer, Unit.Count)],
            [[new DateOnly(2025, 2, 1), 5L, 1L], [new DateOnly(2025, 1, 1), 4L, null]]);

        var data = ChartData.From(table, new ValueFormatter("en-US"));

        Assert.True(data.IsTime);
        Assert.Equal(TimeUnit.Month, data.Grain);
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1)], data.Categories.Cast<DateOnly>());
        Assert.Equal(["Promoters", "Detractors"], data.Series.Select(s => s.Name));
        Assert.Equal([4.0, 5.0], data.Series[0].Values);
        Assert.Equal([null, 1.0], data.Series[1].Values);
    }

    [Fact]
    public void A_second_dimension_becomes_one_series_per_value()
    {
        var table = new ResultTable([MonthColumn(), Col("channel", ColumnType.Text), Col("nps", ColumnType.Number, Unit.Score)],
            [[new DateOnly(2025, 1, 1), "chat", 50.0], [new DateOnly(2025, 1, 1), "phone", 20.0], [new DateOnly(2025, 2, 1), "chat", 52.0]]);

        var data = ChartData.From(table, new ValueFormatter("en-US"));

        Assert.Equal(["chat", "phone"], data.Series.Select(s => s.Name));
        Assert.Equal([20.0, null], data.Series[1].Values);
    }

    [Fact]
    public void A_table_without_rows_is_an_empty_chart()
    {
        Assert.True(ChartData.From(new ResultTable([MonthColumn(), Col("nps", ColumnType.Number)], []), new ValueFormatter("en-US")).IsEmpty);
    }
}
