using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Pdf.Charts;
using CxReports.Rendering.Pdf.Style;
using ScottPlot;
using SkiaSharp;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class ChartMeaningTests
{
    private static readonly ValueFormatter English = new("en-US");

    /// <summary>A colour's hue family: red (0-20°, 340-360°), green (90-170°), else none (blues, ambers, greys).</summary>
    private static string Family(SKColor color)
    {
        color.ToHsv(out var hue, out var saturation, out _);
        return saturation < 15 ? "grey" : hue is <= 20 or >= 340 ? "red" : hue is >= 90 and <= 170 ? "green" : "other";
    }

    private static ResultColumn Metric(string name, Direction direction, string label) =>
        new(name, ColumnType.Integer, Meaning.Of(Unit.Count, direction, label));

    [Fact]
    public void Good_news_series_are_drawn_green_bad_news_red_and_neutral_ones_in_neither_read_back_from_the_plot()
    {
        // Promoters rising is good news, detractors rising bad news, passives neither (the meanings the model declares).
        var table = new ResultTable([MonthColumn(), Metric("promoters", Direction.HigherIsBetter, "Promoters"),
                Metric("passives", Direction.Neutral, "Passives"), Metric("detractors", Direction.LowerIsBetter, "Detractors")],
            Months(3).Select(m => new object?[] { m, 50L, 20L, 7L }).ToList());

        var plot = ChartPlot.Build(ChartData.From(table, English), ChartKind.Stacked, English, 500);
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().SelectMany(p => p.Bars).ToList();
        string FamilyOf(double value) => Family(bars.First(b => Math.Abs(b.Value - b.ValueBase - value) < 1e-9).FillColor.ToSKColor());

        Assert.Equal("green", FamilyOf(50));
        Assert.Equal("red", FamilyOf(7));
        Assert.DoesNotContain(FamilyOf(20), new[] { "green", "red" });
    }

    [Fact]
    public void The_value_axis_labels_its_ticks_with_the_same_decimals_read_back_from_the_pdf()
    {
        // Monthly churn between 1.55% and 2.6%, as the sample report's: ticks every half point.
        double[] churn = [2.6, 1.9, 1.7, 1.55, 1.7, 1.6, 1.55, 1.8, 1.65, 2.2, 2.4, 1.65];
        var table = new ResultTable([MonthColumn(), new ResultColumn("churn", ColumnType.Number, Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Aylık kayıp oranı"))],
            Months(12).Select((m, i) => new object?[] { m, churn[i] }).ToList());
        var block = new CxReports.Engine.Reports.EvaluatedBlock("chart_1", "chart", null, table, Chart: ChartKind.Line);

        var words = Pdfs.AllText(PdfRenderer.Render(Report("Kayıp", [Section("Kayıp", block)], "tr-TR"))).Split(' ', '\n');

        // The axis ticks ("%1,6", "%2,0", ...): one decimal each, the whole percent too, as the fractional ticks need.
        var ticks = words.Where(w => w.Length > 1 && w[0] == '%' && w[1..].All(c => char.IsDigit(c) || c == ',')).ToList();
        Assert.True(ticks.Count >= 3, string.Join(" ", ticks));
        Assert.All(ticks, t => Assert.Matches(@"^%\d+,\d$", t));
        Assert.Contains(ticks, t => t.EndsWith(",0", StringComparison.Ordinal));
    }

    [Fact]
    public void Series_of_ranked_bands_are_coloured_best_green_worst_red_and_between_amber()
    {
        var band = new ResultColumn("band", ColumnType.Text) { Levels = ["sağlıklı", "izlenmeli", "riskli"] };
        var table = new ResultTable([MonthColumn(), band, Metric("customers", Direction.Neutral, "Customers")],
            [[new DateOnly(2025, 1, 1), "riskli", 4L], [new DateOnly(2025, 1, 1), "sağlıklı", 40L], [new DateOnly(2025, 1, 1), "izlenmeli", 9L]]);

        var colors = ChartData.From(table, English).Series.ToDictionary(s => s.Name, s => s.Color);

        Assert.Equal("green", Family(colors["sağlıklı"]));
        Assert.Equal("red", Family(colors["riskli"]));
        Assert.Equal(Theme.Watch, colors["izlenmeli"]);
    }

    [Fact]
    public void Twelve_counted_groups_become_seven_series_and_Other_with_the_sum_of_the_rest_each_in_its_own_colour()
    {
        // Channel k answers k * 10 times in each month: the seven largest are k = 12..6, Other = 10 + 20 + .. + 50 = 150.
        var table = new ResultTable([MonthColumn(), Col("channel", ColumnType.Text), Metric("answers", Direction.Neutral, "Answers")],
            (from m in Months(2) from k in Enumerable.Range(1, 12) select new object?[] { m, $"channel {k:00}", (long)(k * 10) }).ToList());

        var data = ChartData.From(table, English);

        Assert.Equal(SeriesCap.Limit, data.Series.Count);
        Assert.Equal([.. Enumerable.Range(6, 7).Select(k => $"channel {k:00}"), "Other"], data.Series.Select(s => s.Name));
        Assert.Equal([150.0, 150.0], data.Series[^1].Values);
        Assert.Equal(data.Series.Count, data.Series.Select(s => s.Color).Distinct().Count());
        Assert.Contains("Other: the sum of the 5 smaller series.", Pdfs.AllText(PdfRenderer.Render(Report("Answers", [Section("s",
            new Engine.Reports.EvaluatedBlock("c", "chart", null, table, Chart: ChartKind.Stacked))]))));
    }

    [Fact]
    public void Scores_of_twelve_groups_do_not_add_up_so_the_eight_largest_are_kept_and_a_note_says_so()
    {
        var table = new ResultTable([MonthColumn(), Col("channel", ColumnType.Text), new ResultColumn("nps", ColumnType.Number, Meaning.Of(Unit.Score, Direction.HigherIsBetter, "NPS"))],
            (from m in Months(2) from k in Enumerable.Range(1, 12) select new object?[] { m, $"channel {k:00}", k * 5.0 }).ToList());

        var data = ChartData.From(table, English);

        Assert.Equal(Enumerable.Range(5, 8).Select(k => $"channel {k:00}"), data.Series.Select(s => s.Name));
        Assert.Equal(["The 8 largest of 12 series are shown."], data.Notes);
        Assert.Equal(8, data.Series.Select(s => s.Color).Distinct().Count());
    }

    [Fact]
    public void A_series_without_any_value_is_not_in_the_legend_and_a_note_says_it_has_no_data()
    {
        var table = new ResultTable([MonthColumn(), new ResultColumn("nps", ColumnType.Number, Meaning.Of(Unit.Score, Direction.HigherIsBetter, "NPS")),
                new ResultColumn("csat", ColumnType.Number, Meaning.Of(Unit.Percent, Direction.HigherIsBetter, "CSAT"))],
            Months(3).Select(m => new object?[] { m, 40.0, null }).ToList());

        var data = ChartData.From(table, English);
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Loyalty", [Section("s", new Engine.Reports.EvaluatedBlock("c", "chart", null, table, Chart: ChartKind.Line))])));

        Assert.Equal(["NPS"], data.Series.Select(s => s.Name));
        Assert.Equal(["no data: CSAT"], data.Notes);
        Assert.Contains("no data: CSAT", text);
    }

    [Fact]
    public void Long_category_names_are_shortened_on_the_axis_and_given_in_full_under_the_chart()
    {
        var names = Enumerable.Range(1, 10).Select(k => $"Özellik talebi ve ürün geliştirme önerisi {k}").ToList();
        var table = new ResultTable([Col("reason", ColumnType.Text), Metric("tickets", Direction.LowerIsBetter, "Tickets")],
            names.Select((n, k) => new object?[] { n, (long)k }).ToList());

        var labels = CategoryLabels.For(ChartData.From(table, English), English, 500);
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Tickets", [Section("s", new Engine.Reports.EvaluatedBlock("c", "chart", null, table, Chart: ChartKind.Bar))])));

        Assert.True(labels.Tilted);
        Assert.Equal(names, labels.Shortened);
        // Cut in the middle, the labels stay told apart by their ends.
        Assert.Equal(names.Count, labels.Labels.Distinct().Count());
        Assert.All(labels.Labels, l => Assert.Contains("…", l));
        Assert.Contains("Shortened labels in full: Özellik talebi ve ürün geliştirme önerisi 1;", text);
    }

    [Fact]
    public void Category_names_that_fit_on_two_lines_are_wrapped_not_cut()
    {
        var table = new ResultTable([Col("plan", ColumnType.Text), Metric("customers", Direction.HigherIsBetter, "Customers")],
            [["Kurumsal artı", 4L], ["Başlangıç paketi", 9L], ["Profesyonel", 7L]]);

        var labels = CategoryLabels.For(ChartData.From(table, English), English, 240);

        Assert.False(labels.Tilted);
        Assert.Empty(labels.Shortened);
        Assert.Equal(["Kurumsal artı", "Başlangıç\npaketi", "Profesyonel"], labels.Labels);
    }
}
