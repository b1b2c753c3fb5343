using System.Security.Cryptography;
using System.Text;
using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>
/// Evaluates a report: resolves its period and parameters, plans every block (queries, KPIs against the previous
/// period, cohorts, scores, scenarios), runs the SQL and returns the evaluated document. Renderers only read it.
/// </summary>
public sealed class ReportEvaluator(SemanticModel model, DuckDbWarehouse warehouse, ISqlDialect dialect, TimeProvider time, TimeSpan timeout)
{
    public EvaluatedReport Evaluate(ReportModel report, ReportRequest request)
    {
        var (period, values) = Resolve(report, request);
        var executor = new QueryExecutor(warehouse, timeout);
        var sections = report.Sections.Select(section => new EvaluatedSection(section.Title,
            section.Blocks.Select(block => EvaluateBlock(report, block, period, values, executor)).ToArray())).ToArray();
        return new EvaluatedReport(report.Name, report.Title, report.Description, time.GetUtcNow(), period.From, period.To,
            report.Grain?.ToString().ToLowerInvariant(), report.TimeZone, report.Locale,
            values, DataVersion(), sections);
    }

    /// <summary>The SQL each block would run, in report order (what <c>cxr explain</c> prints).</summary>
    public IEnumerable<(string Block, string Sql)> Explain(ReportModel report, ReportRequest request)
    {
        var (period, values) = Resolve(report, request);
        foreach (var block in report.Sections.SelectMany(s => s.Blocks))
        {
            var plans = block switch
            {
                KpiBlockModel kpi => [Planner(report, period, values).Plan(KpiQuery(kpi))],
                ChartBlockModel chart => [Planner(report, period, values).Plan(chart.Query)],
                TableBlockModel table => [Planner(report, period, values).Plan(table.Query)],
                CohortBlockModel cohort => [new CohortPlanner(Context(report, period, values)).Plan(cohort)],
                ScoresBlockModel scores => [new ScorePlanner(Context(report, period, values)).Plan(scores)],
                ScenarioBlockModel scenario => [Planner(report, period, values).Plan(ScenarioQuery(model.Scenarios[scenario.Scenario]))],
                _ => Array.Empty<PlannedQuery>(),
            };
            foreach (var plan in plans) yield return (block.Id, plan.Sql);
        }
    }

    private (ResolvedPeriod Period, IReadOnlyDictionary<string, object?> Values) Resolve(ReportModel report, ReportRequest request)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var written = ResolvedPeriod.Resolve(report.Period, today);
        var period = ResolvedPeriod.Of(request.From ?? written.From, request.To ?? written.To, today);
        if (period.From > period.To)
            throw new ReportArgumentException("from", $"the period ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd})");
        return (period, ParamValues.Resolve(report, request.Params));
    }

    private EvaluatedBlock EvaluateBlock(ReportModel report, BlockModel block, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values, QueryExecutor executor)
    {
        var run = (PlannedQuery plan) => executor.Execute(plan);
        return block switch
        {
            KpiBlockModel kpi => new EvaluatedBlock(kpi.Id, "kpi", kpi.Title, Kpi(report, kpi, period, values, run)),
            ChartBlockModel chart => new EvaluatedBlock(chart.Id, "chart", chart.Title, run(Planner(report, period, values).Plan(chart.Query)), Chart: chart.Kind.ToString().ToLowerInvariant()),
            TableBlockModel table => new EvaluatedBlock(table.Id, "table", table.Title, run(Planner(report, period, values).Plan(table.Query))),
            CohortBlockModel cohort => new EvaluatedBlock(cohort.Id, "cohort", cohort.Title, run(new CohortPlanner(Context(report, period, values)).Plan(cohort))),
            ScoresBlockModel scores => new EvaluatedBlock(scores.Id, "scores", scores.Title, run(new ScorePlanner(Context(report, period, values)).Plan(scores))),
            ScenarioBlockModel scenario => new EvaluatedBlock(scenario.Id, "scenario", scenario.Title, Scenario(report, model.Scenarios[scenario.Scenario], period, values, run)),
            TextBlockModel text => new EvaluatedBlock(text.Id, "text", null, null, text.Text),
            _ => throw new PlanningException($"unknown block kind {block.GetType().Name}"),
        };
    }

    /// <summary>value, previous and change = value - previous for each metric (null if either is null).</summary>
    private ResultTable Kpi(ReportModel report, KpiBlockModel kpi, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values, Func<PlannedQuery, ResultTable> run)
    {
        var query = KpiQuery(kpi);
        var current = run(Planner(report, period, values).Plan(query)).Rows.Single();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        object?[]? previous = kpi.Compare switch
        {
            "period" => run(Planner(report, period.Previous(today), values).Plan(query)).Rows.Single(),
            "year" => run(Planner(report, period.PreviousYear(today), values).Plan(query)).Rows.Single(),
            _ => null,
        };
        var rows = kpi.Metrics.Select((m, i) =>
        {
            var value = current[i];
            var before = previous?[i];
            object? change = value is null || before is null ? null : Convert.ToDouble(value) - Convert.ToDouble(before);
            return new object?[] { m.Name, value, before, change };
        }).ToArray();
        return new ResultTable(
        [
            new ResultColumn("metric", ColumnType.Text), new ResultColumn("value", ColumnType.Number),
            new ResultColumn("previous", ColumnType.Number), new ResultColumn("change", ColumnType.Number),
        ], rows);
    }

    private static BoundQuery KpiQuery(KpiBlockModel kpi) => new(kpi.Metrics, [], null, null, kpi.Span);

    private ResultTable Scenario(ReportModel report, ScenarioModel scenario, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values, Func<PlannedQuery, ResultTable> run)
    {
        var row = run(Planner(report, period, values).Plan(ScenarioQuery(scenario))).Rows.Single();
        double? At(int i) => row[i] is null ? null : Convert.ToDouble(row[i]);
        var inputs = new ScenarioInputs(At(0), (double)scenario.Margin, At(1) ?? 0, At(2) ?? 0, (double)scenario.YearlyDiscount);
        return ScenarioTable.Compute(scenario, inputs);
    }

    /// <summary>The scenario's value, churn and cost as one ungrouped query over the period (absent inputs are 0).</summary>
    private static BoundQuery ScenarioQuery(ScenarioModel scenario)
    {
        var zero = new BoundLiteral(0m, Dsl.Binding.Model.ValueType.Number, scenario.Span);
        QueryMetric Metric(string name, BoundExpression? e) => new(name, e ?? zero, Unit.None, true, scenario.Span);
        return new BoundQuery([Metric("value", scenario.Value), Metric("churn", scenario.Churn), Metric("cost", scenario.Cost)], [], null, null, scenario.Span);
    }

    private QueryPlanner Planner(ReportModel report, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) =>
        new(Context(report, period, values));

    private PlanContext Context(ReportModel report, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) =>
        new(model, dialect, period, report.TimeZone, values, report.Filters);

    /// <summary>A short fingerprint of the loaded data: changes whenever any source's content does.</summary>
    private string DataVersion()
    {
        var versions = model.Sources.Keys.Order(StringComparer.Ordinal)
            .Select(s => $"{s}:{warehouse.Log.LastLoaded(s)?.ContentHash}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", versions))))[..12];
    }
}
