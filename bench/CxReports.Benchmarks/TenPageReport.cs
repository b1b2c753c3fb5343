using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;

namespace CxReports.Benchmarks;

/// <summary>
/// A ten-page evaluated report with every block kind: KPI tiles, four charts, a cohort heatmap, a score list, the
/// retain-N scenario and a 210-row segment table. Values are made up but shaped as the engine shapes them.
/// </summary>
public static class TenPageReport
{
    public static EvaluatedReport Create()
    {
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 1, 1).AddMonths(i)).ToList();
        var random = new Random(7);
        ResultColumn Col(string name, ColumnType type, Unit unit = Unit.None) => new(name, type, unit);
        EvaluatedBlock Chart(string id, ChartKind kind, string title, params string[] metrics) => new(id, "chart", title, new ResultTable(
            [Col("month", ColumnType.Date), .. metrics.Select(m => Col(m, ColumnType.Integer, Unit.Count))],
            months.Select(m => new object?[] { m }.Concat(metrics.Select(_ => (object?)(long)random.Next(20, 200))).ToArray()).ToList()), Chart: kind);

        var kpi = new EvaluatedBlock("kpi_1", "kpi", null, new ResultTable(
            [Col("metric", ColumnType.Text), Col("value", ColumnType.Number), Col("previous", ColumnType.Number), Col("change", ColumnType.Number)],
            [["ltv", 5871.1, 3798.8, 2072.3], ["churn", 1.87, 2.73, -0.86], ["csat", 83.3, 71.3, 12.0], ["nps", 38.8, 23.2, 15.6]]));
        var cohort = new EvaluatedBlock("cohort_1", "cohort", "Share of each monthly cohort still a customer", new ResultTable(
            [Col("cohort", ColumnType.Date), Col("size", ColumnType.Integer, Unit.Count), .. Enumerable.Range(0, 12).Select(k => Col($"m{k}", ColumnType.Number, Unit.Percent))],
            months.Select((m, i) => new object?[] { m, (long)(55 + i) }.Concat(Enumerable.Range(0, 12).Select(k => k < 12 - i ? (object?)(100 - 1.4 * k - random.NextDouble()) : null)).ToArray()).ToList()));
        var scores = new EvaluatedBlock("at_risk", "scores", "Accounts at risk, largest first", new ResultTable(
            [Col("customer_no", ColumnType.Text), Col("score", ColumnType.Number, Unit.Score), Col("band", ColumnType.Text), Col("usage", ColumnType.Number, Unit.Score),
             Col("loyalty", ColumnType.Number, Unit.Score), Col("friction", ColumnType.Number, Unit.Score), Col("monthly_fee", ColumnType.Number)],
            Enumerable.Range(0, 25).Select(i => new object?[] { $"M{1000 + i * 37:00000}", 30.0 + i % 10, "at_risk", 12.5 * (i % 4), 10.0 * (i % 8), 33.3 * (i % 3), 49.0 - i % 5 }).ToList()));
        var scenario = new EvaluatedBlock("scenario_1", "scenario", "Retain 1, 5 or 10 more customers a month, net of programme cost", new ResultTable(
            [Col("retain", ColumnType.Integer, Unit.Count), Col("horizon_months", ColumnType.Integer), Col("extra_revenue", ColumnType.Number, Unit.Currency),
             Col("gain", ColumnType.Number, Unit.Currency), Col("cost", ColumnType.Number, Unit.Currency), Col("net", ColumnType.Number, Unit.Currency),
             Col("roi_pct", ColumnType.Number, Unit.Percent), Col("customers_kept", ColumnType.Number, Unit.Count)],
            (from n in new long[] { 1, 5, 10 } from h in new long[] { 3, 12, 36, 60, 120 }
             let gain = 900.0 * n * h let cost = 15000.0 * h / 12
             select new object?[] { n, h, gain * 1.25, gain, cost, gain - cost, (gain - cost) / cost * 100, n * h * 0.8 }).ToList()));
        var segments = new EvaluatedBlock("table_1", "table", "New customers and churn by city", new ResultTable(
            [Col("city", ColumnType.Text), Col("customers_active", ColumnType.Integer, Unit.Count), Col("new_customers", ColumnType.Integer, Unit.Count),
             Col("churn", ColumnType.Number, Unit.Percent), Col("arpa", ColumnType.Number, Unit.Currency)],
            Enumerable.Range(1, 210).Select(i => new object?[] { $"City {i:000}", (long)random.Next(50, 900), (long)random.Next(5, 90), random.NextDouble() * 4, 40 + random.NextDouble() * 400 }).ToList()));

        return new EvaluatedReport("bench", "CX Overview", "Every block kind over ten pages, for the native-versus-browser benchmark.",
            new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "month", "Europe/Istanbul", "en-US",
            new Dictionary<string, object?> { ["plan"] = "all" }, "16bf1e40c7c6",
            [
                new("At a glance", [kpi, Chart("chart_1", ChartKind.Line, "Promoters and detractors", "promoters", "detractors")]),
                new("Trends", [Chart("chart_2", ChartKind.Bar, "New and lost customers", "new_customers", "churned_customers"),
                    Chart("chart_3", ChartKind.Stacked, "Answers by band", "promoters", "passives", "detractors"), Chart("chart_4", ChartKind.Area, "Feature requests", "feature_requests")]),
                new("Retention", [cohort, scores, scenario]),
                new("Segments", [segments, new EvaluatedBlock("text_1", "text", null, null, "Churn is the share of customers at the start of a month who left during it.")]),
            ]);
    }
}
