using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>
/// Evaluates a report: plans every block (<see cref="ReportPlanner"/>) before running any, so a block that cannot be
/// planned (too many buckets, say) costs no warehouse time; then runs the SQL within <paramref name="limits"/>,
/// compares KPIs with the previous period, turns scenario inputs into the retain-N table, and returns the evaluated
/// document. Renderers only read it.
/// </summary>
public sealed class ReportEvaluator(SemanticModel model, IWarehouse warehouse, TimeProvider time, TimeSpan timeout, EvaluationLimits? limits = null)
{
    private readonly EvaluationLimits _limits = limits ?? EvaluationLimits.None;
    private readonly ReportPlanner _planner = new(model, warehouse.Dialect, time, (limits ?? EvaluationLimits.None).MaxBuckets)
    {
        Rollups = RollupTables.Current(model, warehouse),
    };

    public EvaluatedReport Evaluate(ReportModel report, ReportRequest request)
    {
        var (period, values) = _planner.Resolve(report, request);
        var blocks = report.Sections.SelectMany(s => s.Blocks).ToArray();
        var read = new SourcesRead(model);
        var sources = blocks.SelectMany(read.Of).ToHashSet(StringComparer.Ordinal);
        var ends = DataEnds.Load(model, warehouse, report.TimeZone);
        // Blocks by a time grain keep every bucket of the period (those after the data end are unknown); every other
        // figure is computed up to where the data ends, and compared with a previous period of that same length.
        var end = ends.EffectiveEnd(period, sources);
        var noData = end < period.From;
        var clipped = end < period.To && !noData ? ResolvedPeriod.Of(period.From, end, _planner.Today) : period;
        ResolvedPeriod PeriodOf(BlockModel block) => Bucketed(block) ? period : clipped;
        var plans = _planner.PlanAll(report, blocks, PeriodOf, values);
        var executor = new QueryExecutor(warehouse, timeout, _limits);
        // A statement shared by several blocks runs once, when the first of them is evaluated.
        var shared = new Dictionary<PlannedQuery, IReadOnlyDictionary<string, ResultTable>>(ReferenceEqualityComparer.Instance);
        ResultTable Run(BlockModel block)
        {
            var plan = plans[block]!;
            if (plan.Parts is null) return executor.Execute(plan);
            if (!shared.TryGetValue(plan, out var tables)) shared[plan] = tables = executor.ExecuteParts(plan);
            return tables[block.Id];
        }
        var sections = report.Sections.Select(section => new EvaluatedSection(section.Title,
            section.Blocks.Select(block =>
            {
                var evaluated = EvaluateBlock(report, block, plans[block], PeriodOf(block), values, () => Run(block), executor);
                return evaluated.Table is not { } table ? evaluated : evaluated with { Table = Fresh(block, table, period, ends, read, noData) };
            }).ToArray())).ToArray();
        return new EvaluatedReport(report.Name, report.Title, report.Description, time.GetUtcNow(), period.From, period.To,
            report.Grain?.Word(), report.TimeZone.Id, report.Locale.Name,
            values, DataVersion.Of(model.Sources.Keys, s => warehouse.Log.LastLoaded(s)?.ContentHash), sections)
        {
            Freshness = new ReportFreshness(ends.For(sources), end < period.To ? end : null)
            {
                Labels = sources.Select(s => (Source: s, Label: model.Sources.GetValueOrDefault(s)?.Label.For(report.Locale.Name)))
                    .Where(s => s.Label is not null).ToDictionary(s => s.Source, s => s.Label!, StringComparer.Ordinal),
            },
        };
    }

    private static bool Bucketed(BlockModel block) => ReportPlanner.QueryOf(block)?.Grain is not null;

    /// <summary>
    /// A block's table as far as the data goes: by a time grain, unknown after each metric's data end and partial
    /// buckets marked; otherwise, over a period that has no data at all, every figure unknown.
    /// </summary>
    private static ResultTable Fresh(BlockModel block, ResultTable table, ResolvedPeriod period, DataEnds ends, SourcesRead read, bool noData)
    {
        if (ReportPlanner.QueryOf(block) is { Grain: not null } query) return UnknownBuckets.Apply(table, query, period, ends, read);
        if (!noData) return table;
        return block switch
        {
            KpiBlockModel => table with { Rows = table.Rows.Select(r => { var c = (object?[])r.Clone(); c[1] = null; c[3] = null; return c; }).ToArray() },
            ChartBlockModel or TableBlockModel => UnknownBuckets.AllUnknown(table, ReportPlanner.QueryOf(block)!.Dimensions.Count),
            ScoresBlockModel => table with { Rows = [] },
            _ => table,
        };
    }

    private EvaluatedBlock EvaluateBlock(ReportModel report, BlockModel block, PlannedQuery? plan, ResolvedPeriod period,
        IReadOnlyDictionary<string, object?> values, Func<ResultTable> run, QueryExecutor executor)
    {
        try
        {
            return block switch
            {
                KpiBlockModel kpi => new EvaluatedBlock(kpi.Id, "kpi", kpi.Title, Kpi(report, kpi, plan!, run(), period, values, executor)),
                ChartBlockModel chart => new EvaluatedBlock(chart.Id, "chart", chart.Title, run(), Chart: chart.Kind),
                TableBlockModel table => new EvaluatedBlock(table.Id, "table", table.Title, run()),
                CohortBlockModel cohort => new EvaluatedBlock(cohort.Id, "cohort", cohort.Title, run()),
                ScoresBlockModel scores => new EvaluatedBlock(scores.Id, "scores", scores.Title, run()) { Empty = scores.Empty },
                ScenarioBlockModel scenario => Scenario(report, scenario, model.Scenarios[scenario.Scenario], plan!, run(), period, values, executor),
                TextBlockModel text => new EvaluatedBlock(text.Id, "text", null, null, text.Text),
                _ => throw new PlanningException($"unknown block kind {block.GetType().Name}"),
            };
        }
        catch (ResultLimitException e) when (e.Block is null)
        {
            throw e.In(block.Id);
        }
    }

    /// <summary>
    /// value, previous and change = value - previous for each metric (null if either is null, and previous is null
    /// when there is no previous period: one beginning before year 1), each row with its metric's meaning. Both
    /// periods come from the block's statement when it computes both; otherwise the previous one is a second statement.
    /// </summary>
    private ResultTable Kpi(ReportModel report, KpiBlockModel kpi, PlannedQuery plan, ResultTable table, ResolvedPeriod period,
        IReadOnlyDictionary<string, object?> values, QueryExecutor executor)
    {
        var (current, previous) = plan.BothPeriods
            ? (table.Rows[1], table.Rows[0])
            : (table.Rows.Single(), _planner.Earlier(kpi, period) is { } earlier
                ? executor.Execute(_planner.Queries(report, earlier, values).Plan(ReportPlanner.KpiQuery(kpi))).Rows.Single()
                : null);
        var rows = kpi.Metrics.Select((m, i) =>
        {
            var value = current[i];
            var before = previous?[i];
            object? change = value is null || before is null ? null : Convert.ToDouble(value) - Convert.ToDouble(before);
            return KpiTable.Row(m.Name, value, before, change, m.Meaning, AsOf(m, period));
        }).ToArray();
        return new ResultTable(KpiTable.Columns, rows);
    }

    /// <summary>
    /// The day at whose end a snapshot was taken: the period's effective end, or the day before the period for one
    /// written <c>at start</c> (customers at the start of 1 November are those at the end of 31 October); null for flows.
    /// </summary>
    private static DateOnly? AsOf(QueryMetric metric, ResolvedPeriod period) => metric.At switch
    {
        Moment.End => period.EffectiveEnd(),
        Moment.Start when period.From > DateOnly.MinValue => period.From.AddDays(-1),
        _ => null,
    };

    /// <summary>The scenario's money columns in the model's currency.</summary>
    private ResultTable InCurrency(ResultTable table) => new(
        table.Columns.Select(c => c.Unit == Unit.Currency ? c with { Meaning = c.Meaning with { Currency = model.Settings.Currency } } : c).ToList(),
        table.Rows);

    /// <summary>
    /// The retain-N table from the period's inputs; a measured scenario also computes the same inputs over its baseline
    /// (the previous period or year, none before year 1: in the block's statement when it computes both, else a second
    /// one) and states the measured effect.
    /// </summary>
    private EvaluatedBlock Scenario(ReportModel report, ScenarioBlockModel block, ScenarioModel scenario, PlannedQuery plan, ResultTable inputs,
        ResolvedPeriod period, IReadOnlyDictionary<string, object?> values, QueryExecutor executor)
    {
        var row = plan.BothPeriods ? inputs.Rows[1] : inputs.Rows.Single();
        double? At(object?[] r, int i) => r[i] is null ? null : Convert.ToDouble(r[i]);
        var table = InCurrency(ScenarioTable.Compute(scenario, new ScenarioInputs(At(row, 0), (double)scenario.Margin, At(row, 1) ?? 0, At(row, 2) ?? 0, (double)scenario.YearlyDiscount)));
        if (scenario.MeasuredAgainst is not { } against) return new EvaluatedBlock(block.Id, "scenario", block.Title, table);

        var baseline = _planner.BaselineOf(scenario, period);
        var before = plan.BothPeriods ? inputs.Rows[0]
            : baseline is null ? null
            : executor.Execute(_planner.Queries(report, baseline, values).Plan(ReportPlanner.ScenarioQuery(scenario))).Rows.Single();
        var byMonth = scenario.Customers is { } customers
            ? executor.Execute(_planner.Queries(report, period, values).Plan(ReportPlanner.CustomersByMonth(scenario, customers)))
            : null;
        var months = byMonth?.Rows.Select(r => At(r, byMonth.IndexOf("customers"))).OfType<double>().ToList() ?? [];
        var measured = MeasuredEffect.Compute(new MeasuredInputs(against.ToString().ToLowerInvariant(), baseline?.From, baseline?.To, before is null ? null : At(before, 1), At(row, 1),
            months.Count == 0 ? null : months.Average(), At(row, 0), (double)scenario.Margin, At(row, 2) ?? 0,
            (int)period.Buckets(Dsl.Model.TimeUnit.Month)));
        return new EvaluatedBlock(block.Id, "scenario", block.Title, table, Measured: InCurrency(measured));
    }
}
