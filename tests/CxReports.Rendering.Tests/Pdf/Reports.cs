using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>Evaluated reports built by hand, the way the engine shapes them, so the renderer is tested without DuckDB.</summary>
public static class Reports
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static EvaluatedReport Report(string title, IReadOnlyList<EvaluatedSection> sections, string locale = "en-US",
        IReadOnlyDictionary<string, object?>? parameters = null) =>
        new("test_report", title, "What the programme returns, in one page.", GeneratedAt, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            "month", "Europe/Istanbul", locale, parameters ?? new Dictionary<string, object?> { ["plan"] = "all" }, "16bf1e40c7c6", sections);

    public static EvaluatedSection Section(string title, params EvaluatedBlock[] blocks) => new(title, blocks);

    public static ResultColumn Col(string name, ColumnType type, Unit unit = Unit.None) => new(name, type, unit);

    /// <summary>A time dimension of monthly buckets, as the engine writes <c>by month</c>.</summary>
    public static ResultColumn MonthColumn(string name = "month") => new(name, ColumnType.Date) { Grain = Dsl.Model.TimeUnit.Month };

    /// <summary>The meanings the sample model gives these metrics (reports/model/metrics.cxr), as the engine carries them.</summary>
    public static readonly IReadOnlyDictionary<string, Meaning> Model = new Dictionary<string, Meaning>
    {
        ["nps"] = Meaning.Of(Unit.Score, Direction.HigherIsBetter, "NPS"),
        ["churn"] = Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Monthly churn %"),
        ["csat"] = Meaning.Of(Unit.Percent, Direction.HigherIsBetter, "CSAT"),
        ["customers_active"] = Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Customers"),
        ["ltv"] = Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "LTV"),
    };

    /// <summary>A KPI block over metrics of <see cref="Model"/>, each row with its meaning as the engine writes it.</summary>
    public static EvaluatedBlock Kpi(params (string Metric, double? Value, double? Previous)[] rows) =>
        Kpi(rows.Select(r => (r.Metric, Model[r.Metric], r.Value, r.Previous)).ToArray());

    public static EvaluatedBlock Kpi(params (string Metric, Meaning Meaning, double? Value, double? Previous)[] rows) =>
        new("kpi_1", "kpi", null, new ResultTable(KpiTable.Columns,
            rows.Select(r => KpiTable.Row(r.Metric, r.Value, r.Previous, r.Value is { } v && r.Previous is { } p ? v - p : null, r.Meaning)).ToList()));

    public static IReadOnlyList<DateOnly> Months(int count, int year = 2025) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(year, 1, 1).AddMonths(i)).ToList();

    public static EvaluatedBlock MonthlyChart(ChartKind kind, params string[] metrics) =>
        new("chart_" + kind, "chart", $"{kind} chart", new ResultTable(
            [MonthColumn(), .. metrics.Select(m => Col(m, ColumnType.Number, Unit.Score))],
            Months(12).Select((m, i) => new object?[] { m }.Concat(metrics.Select((_, k) => (object?)(20.0 + 3 * k + Math.Sin(i) * 5))).ToArray()).ToList()),
            Chart: kind);

    public static EvaluatedBlock Table(string title, int rows) =>
        new("table_1", "table", title, new ResultTable(
            [Col("city", ColumnType.Text), Col("new_customers", ColumnType.Integer, Unit.Count), Col("churn", ColumnType.Number, Unit.Percent)],
            Enumerable.Range(1, rows).Select(i => new object?[] { $"City {i:000}", (long)(i * 7), 1.5 + i % 10 / 10.0 }).ToList()));

    public static EvaluatedBlock Cohort(int cohorts = 6) =>
        new("cohort_1", "cohort", "Share of each monthly cohort still a customer", new ResultTable(
            [MonthColumn("cohort"), Col("size", ColumnType.Integer, Unit.Count),
             .. Enumerable.Range(0, cohorts).Select(k => Col($"m{k}", ColumnType.Number, Unit.Percent))],
            Months(cohorts).Select((m, i) => new object?[] { m, (long)(60 + i) }
                .Concat(Enumerable.Range(0, cohorts).Select(k => k < cohorts - i ? (object?)(100.0 - 2.5 * k) : null)).ToArray()).ToList()));

    public static EvaluatedBlock Scores() =>
        new("at_risk", "scores", "Accounts at risk, largest first", new ResultTable(
            [Col("customer_no", ColumnType.Text), Col("score", ColumnType.Number, Unit.Score), new ResultColumn("band", ColumnType.Text) { Levels = ["healthy", "neutral", "at_risk"] },
             Col("usage", ColumnType.Number, Unit.Score), Col("loyalty", ColumnType.Number, Unit.Score), Col("monthly_fee", ColumnType.Number)],
            [["M00665", 35.0, "at_risk", 25.0, 0.0, 49.0], ["M01656", 36.0, "at_risk", 12.5, 70.0, 44.1], ["M01028", 39.0, "at_risk", 0.0, 30.0, 39.2]]));

    public static EvaluatedBlock Scenario() =>
        new("scenario_1", "scenario", "Retain 1, 5 or 10 more customers a month", new ResultTable(
            [Col("retain", ColumnType.Integer, Unit.Count), Col("horizon_months", ColumnType.Integer), Col("extra_revenue", ColumnType.Number, Unit.Currency),
             Col("gain", ColumnType.Number, Unit.Currency), Col("cost", ColumnType.Number, Unit.Currency), Col("net", ColumnType.Number, Unit.Currency),
             Col("roi_pct", ColumnType.Number, Unit.Percent), Col("customers_kept", ColumnType.Number, Unit.Count)],
            (from n in new long[] { 1, 5, 10 }
             from h in new long[] { 12, 36 }
             let gain = 1000.0 * n * h
             let cost = 20000.0 * h / 12
             select new object?[] { n, h, gain * 1.25, gain, cost, gain - cost, (gain - cost) / cost * 100, n * h * 0.8 }).ToList()));

    public static EvaluatedBlock Text(string text) => new("text_1", "text", null, null, text);

    /// <summary>One of every block kind, as the sample reports mix them.</summary>
    public static EvaluatedReport Everything(string locale = "en-US") => Report("CX Overview", [
        Section("At a glance", Kpi(("nps", 41.7142857142857, 38.2), ("churn", 1.87, 2.73), ("csat", null, 71.3)), MonthlyChart(ChartKind.Line, "nps", "csat")),
        Section("Trends", MonthlyChart(ChartKind.Bar, "promoters", "detractors"), MonthlyChart(ChartKind.Stacked, "promoters", "passives"), MonthlyChart(ChartKind.Area, "nps")),
        Section("Retention", Cohort(), Scores(), Scenario(), Table("By city", 12), Text("Promoters answer 9-10, detractors 0-6.")),
    ], locale);
}
