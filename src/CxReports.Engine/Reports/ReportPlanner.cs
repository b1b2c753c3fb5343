using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;

namespace CxReports.Engine.Reports;

/// <summary>
/// Plans a report's blocks for a request: resolves the period (the report's, or the request's dates) and the
/// parameters, and builds the SQL of each block. Touches no data, so <c>cxr explain</c> needs no warehouse.
/// A grain that splits the period into more than <paramref name="maxBuckets"/> buckets is refused
/// (<see cref="TooManyBucketsException"/>).
/// </summary>
public sealed class ReportPlanner(SemanticModel model, ISqlDialect dialect, TimeProvider time, int maxBuckets = int.MaxValue)
{
    /// <summary>The revenue rollups the statements may read, by source (<see cref="RollupTables"/>); none without a warehouse.</summary>
    public IReadOnlyDictionary<string, string> Rollups { get; init; } = new Dictionary<string, string>();

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public (ResolvedPeriod Period, IReadOnlyDictionary<string, object?> Values) Resolve(ReportModel report, ReportRequest request)
    {
        var written = ResolvedPeriod.Resolve(report.Period, Today);
        var period = ResolvedPeriod.Of(request.From ?? written.From, request.To ?? written.To, Today);
        if (period.From > period.To)
            throw new ReportArgumentException("from", $"the period ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd})");
        return (period, ParamValues.Resolve(report, request.Params));
    }

    /// <summary>The statement that computes a block over a period; null for text blocks.</summary>
    public PlannedQuery? Plan(ReportModel report, BlockModel block, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) => block switch
    {
        KpiBlockModel kpi => KpiPlan(report, kpi, period, values),
        ChartBlockModel chart => Queries(report, period, values).Plan(chart.Query),
        TableBlockModel table => Queries(report, period, values).Plan(table.Query),
        CohortBlockModel cohort => new CohortPlanner(Context(report, period, values)).Plan(cohort),
        ScoresBlockModel scores => new ScorePlanner(Context(report, period, values)).Plan(scores),
        ScenarioBlockModel scenario => ScenarioPlan(report, scenario, period, values),
        _ => null,
    };

    /// <summary>
    /// The statement of every block, each over its own period: tables and charts that can share a scan
    /// (<see cref="SharedScan"/>) get the one statement that computes them all (<see cref="PlannedQuery.Parts"/>),
    /// every other block its own; null for text blocks.
    /// </summary>
    public IReadOnlyDictionary<BlockModel, PlannedQuery?> PlanAll(ReportModel report, IReadOnlyList<BlockModel> blocks,
        Func<BlockModel, ResolvedPeriod> periodOf, IReadOnlyDictionary<string, object?> values)
    {
        var plans = blocks.ToDictionary<BlockModel, BlockModel, PlannedQuery?>(b => b, _ => null, ReferenceEqualityComparer.Instance);
        var queries = blocks.Select(b => (Block: b, Query: QueryOf(b))).Where(q => q.Query is not null);
        foreach (var samePeriod in queries.GroupBy(q => periodOf(q.Block)).Where(g => g.Count() >= 2))
        {
            // One context per statement: equal conditions are then equal text, and it binds one set of values, its own.
            var planner = new QueryPlanner(Context(report, samePeriod.Key, values));
            foreach (var group in SharedScan.Groups([.. samePeriod.Select(q => (q.Block.Id, planner.PlanTree(q.Query!)))]))
            {
                var members = samePeriod.Where(q => group.Contains(q.Block.Id)).ToArray();
                var context = Context(report, samePeriod.Key, values);
                var own = new QueryPlanner(context);
                if (SharedScan.Statement(context, [.. members.Select(q => (q.Block.Id, own.PlanTree(q.Query!)))]) is not { } shared) continue;
                foreach (var member in members) plans[member.Block] = shared;
            }
        }
        foreach (var block in blocks.Where(b => plans[b] is null))
            plans[block] = Plan(report, block, periodOf(block), values);
        return plans;
    }

    /// <summary>The query of a table or chart block; null for other kinds.</summary>
    public static BoundQuery? QueryOf(BlockModel block) => block switch
    {
        ChartBlockModel chart => chart.Query,
        TableBlockModel table => table.Query,
        _ => null,
    };

    /// <summary>The SQL of every block, in report order (what <c>cxr explain</c> prints); a shared statement once, under its blocks' ids.</summary>
    public IEnumerable<(string Block, PlannedQuery Plan)> Explain(ReportModel report, ReportRequest request)
    {
        var (period, values) = Resolve(report, request);
        var blocks = report.Sections.SelectMany(s => s.Blocks).ToArray();
        var plans = PlanAll(report, blocks, _ => period, values);
        var shown = new HashSet<PlannedQuery>(ReferenceEqualityComparer.Instance);
        foreach (var block in blocks)
            if (plans[block] is { } plan && shown.Add(plan))
                yield return (plan.Parts is { } parts ? string.Join("+", parts.Select(p => p.Block)) : block.Id, plan);
    }

    /// <summary>
    /// A KPI block compared with the previous period: both periods in one statement when that gives exactly the
    /// numbers of one statement each (<see cref="QueryPlanner.PlanBoth"/>; its rows are then the earlier period's and
    /// the current one's); otherwise the period alone, and the evaluator plans the earlier one as a second statement.
    /// One statement pays only where the periods share a read: a lifecycle (every entity, whatever the period) or
    /// revenue. Row aggregates alone read each period's own rows either way, and grouping them by period cost more
    /// than the second statement (advocacy's NPS block at the scale demo: 240 against 208 ms), so they keep two.
    /// </summary>
    private PlannedQuery KpiPlan(ReportModel report, KpiBlockModel kpi, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) =>
        BothPeriods(report, kpi, KpiQuery(kpi), Earlier(kpi, period), period, values) ?? Queries(report, period, values).Plan(KpiQuery(kpi));

    /// <summary>
    /// A block's ungrouped query over its period and the one just before, as one statement (<see cref="QueryPlanner.PlanBoth"/>),
    /// where the block reads a lifecycle or revenue source and one statement is exact; null otherwise.
    /// </summary>
    private PlannedQuery? BothPeriods(ReportModel report, BlockModel block, BoundQuery query, ResolvedPeriod? earlier, ResolvedPeriod period,
        IReadOnlyDictionary<string, object?> values) =>
        ComparedPeriods.Of(earlier, period) is { } compared &&
        new SourcesRead(model).Of(block).Any(s => model.Sources[s].Lifecycle is not null || model.Sources[s].Recurring is not null)
            ? new QueryPlanner(Context(report, period, values, compared)).PlanBoth(query)
            : null;

    /// <summary>
    /// A scenario's inputs; measured against the previous period, its baseline's too, in one statement when that gives
    /// exactly the two statements' numbers (as a KPI's comparison: its rows are then the baseline's and the period's).
    /// </summary>
    private PlannedQuery ScenarioPlan(ReportModel report, ScenarioBlockModel block, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values)
    {
        var scenario = model.Scenarios[block.Scenario];
        return BothPeriods(report, block, ScenarioQuery(scenario), BaselineOf(scenario, period), period, values)
               ?? Queries(report, period, values).Plan(ScenarioQuery(scenario));
    }

    /// <summary>The period a measured scenario's effect is measured against (previous period or year); null when not measured, or before year 1.</summary>
    public ResolvedPeriod? BaselineOf(ScenarioModel scenario, ResolvedPeriod period) => scenario.MeasuredAgainst switch
    {
        Baseline.Year => period.PreviousYear(Today),
        Baseline.Period => period.Previous(Today),
        _ => null,
    };

    /// <summary>The period a KPI block is compared with (previous period or year); null without one, or before year 1.</summary>
    public ResolvedPeriod? Earlier(KpiBlockModel kpi, ResolvedPeriod period) => kpi.Compare switch
    {
        Baseline.Period => period.Previous(Today),
        Baseline.Year => period.PreviousYear(Today),
        _ => null,
    };

    /// <summary>A KPI block is its metrics, ungrouped, over the period.</summary>
    public static BoundQuery KpiQuery(KpiBlockModel kpi) => new(kpi.Metrics, [], null, null, kpi.Span);

    /// <summary>The scenario's value, churn and cost as one ungrouped query over the period (absent inputs are 0).</summary>
    public static BoundQuery ScenarioQuery(ScenarioModel scenario)
    {
        var zero = new BoundLiteral(0m, Dsl.Model.ValueType.Number, scenario.Span);
        QueryMetric Metric(string name, BoundExpression? e) => new(name, e ?? zero, Meaning.None, true, scenario.Span);
        return new BoundQuery([Metric("value", scenario.Value), Metric("churn", scenario.Churn), Metric("cost", scenario.Cost)], [], null, null, scenario.Span);
    }

    /// <summary>
    /// A measured scenario's customers month by month over the period: a count of customers is not a monthly
    /// quantity, so the evaluator averages the months (grammar/README.md, "Measured effect").
    /// </summary>
    public static BoundQuery CustomersByMonth(ScenarioModel scenario, BoundExpression customers) => new(
        [new QueryMetric("customers", customers, Meaning.None, false, scenario.Span)],
        [new QueryDimension("month", Dsl.Model.TimeUnit.Month, new Dictionary<string, BoundField>(), scenario.Span)],
        null, null, scenario.Span);

    public QueryPlanner Queries(ReportModel report, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values) =>
        new(Context(report, period, values));

    private PlanContext Context(ReportModel report, ResolvedPeriod period, IReadOnlyDictionary<string, object?> values, ComparedPeriods? compared = null) =>
        new(model, dialect, compared?.Span ?? period, report.TimeZone.Id, values, report.Filters)
        {
            MaxBuckets = maxBuckets, Locale = report.Locale.Name, Rollups = Rollups, Compared = compared,
        };
}
