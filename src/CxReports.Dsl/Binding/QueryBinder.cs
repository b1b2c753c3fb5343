using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Tree;
using TimeUnit = CxReports.Dsl.Model.TimeUnit;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds <c>metrics by dimensions where condition top N</c>. Dimensions and the condition resolve from each source
/// the metrics read, following links; a grain needs every source to have a time axis, and per-month metrics no
/// grain finer than a month. In a report, named metrics take their label for the report's <paramref name="locale"/>.
/// </summary>
internal sealed class QueryBinder(BinderContext context, ExpressionBinder expressions, string? locale = null)
{
    private readonly MetricBinder _metricBinder = new(context);

    public BoundQuery Bind(Query query, IReadOnlyDictionary<string, ParamModel> parameters)
    {
        var metrics = MarginPairing.Pair(query.Metrics.Select(BindMetric).ToArray(), context.Metrics);
        var sources = metrics.SelectMany(m => SourcesOf(m.Expression)).Distinct().ToArray();
        var dimensions = query.Dimensions.Select(d => BindDimension(d, metrics, sources)).ToArray();
        foreach (var duplicate in dimensions.GroupBy(d => d.Name).Where(g => g.Count() > 1))
            context.Error(DiagnosticCode.DuplicateName, duplicate.ElementAt(1).Span, $"'{duplicate.Key}' is grouped by twice");
        if (dimensions.Where(d => d.Grain is not null).DistinctBy(d => d.Grain).ElementAtOrDefault(1) is { } secondGrain)
            context.Error(DiagnosticCode.InvalidSetting, secondGrain.Span, "a query groups by at most one grain");

        Dictionary<string, BoundExpression>? where = null;
        if (query.Where is { } condition)
        {
            where = [];
            foreach (var source in sources)
                where[source] = expressions.BindCondition(condition, new RowScope(context.Sources[source], parameters));
        }
        var top = query.Top is { } t ? BindTop(t, metrics, dimensions) : null;
        // Snapshots are taken at the start of each time bucket (its definition), and at the end of the period otherwise.
        var moment = dimensions.Any(d => d.Grain is not null) ? Moment.Start : Moment.End;
        metrics = metrics.Select(m => IsSnapshot(m.Expression) ? m with { At = moment } : m).ToArray();
        return new BoundQuery(metrics, dimensions, where, top, query.Span) { Order = BindOrder(query, metrics, dimensions) };
    }

    public QueryMetric BindMetric(Expression expression)
    {
        var bound = expressions.BindMetric(expression, null);
        context.Expansions.Check(bound, expression, "this metric");
        var name = context.TextOf(expression);
        var meaning = _metricBinder.MeaningOf(bound, name);
        if (locale is not null && bound is BoundMetricReference r && context.Metrics.TryGetValue(r.Metric, out var metric)
            && LocalizedLabel.Pick(metric.Labels, locale) is { } label)
            meaning = meaning with { Label = label };
        return new QueryMetric(name, bound, meaning, expressions.Monthly(bound) == true, expression.Span);
    }

    /// <summary>
    /// A KPI's metric: a snapshot is taken at the end of the period unless written <c>at start</c>; a moment written
    /// for a flow is CXR043, as "new customers at the end" has no meaning.
    /// </summary>
    public QueryMetric BindKpiMetric(Expression expression, Name? moment)
    {
        var metric = BindMetric(expression);
        var snapshot = IsSnapshot(metric.Expression);
        if (moment is { Text: not ("start" or "end") } word)
        {
            context.Error(DiagnosticCode.InvalidSetting, word.Span, $"unknown moment '{word.Text}'", "write `at start` or `at end`");
            return snapshot ? metric with { At = Moment.End } : metric;
        }
        if (moment is not null && !snapshot)
            context.Error(DiagnosticCode.MomentOfFlow, moment.Span, $"'{metric.Name}' is not a snapshot: it counts what happens during the period, not a value at a moment",
                "only metrics built from `active` are values at a moment; delete `at " + moment.Text + "`");
        return snapshot ? metric with { At = moment?.Text == "start" ? Moment.Start : Moment.End } : metric;
    }

    /// <summary>
    /// Whether the expression is a value at a moment: every aggregate it reads, through the metrics it names, is a
    /// snapshot (<c>active</c>); one mixing snapshots and flows (<c>churned / active</c>) is a rate over the bucket.
    /// </summary>
    public bool IsSnapshot(BoundExpression expression)
    {
        var aggregates = MetricBinder.Aggregates(expression).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(MetricBinder.References(expression));
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !context.Metrics.TryGetValue(name, out var metric)) continue;
            aggregates.AddRange(MetricBinder.Aggregates(metric.Expression));
            foreach (var dependency in metric.DependsOn) pending.Push(dependency);
        }
        return aggregates.Count > 0 && aggregates.All(a => a.Function.Snapshot) && !ReadsLtv(expression, seen);
    }

    /// <summary>An ltv is a value over a lifetime, whatever its inputs.</summary>
    private bool ReadsLtv(BoundExpression expression, IEnumerable<string> metrics) =>
        Contains<BoundLtv>(expression) || metrics.Any(m => context.Metrics.TryGetValue(m, out var metric) && Contains<BoundLtv>(metric.Expression));

    private static bool Contains<T>(BoundExpression expression) where T : BoundExpression => expression switch
    {
        T => true,
        BoundBinary b => Contains<T>(b.Left) || Contains<T>(b.Right),
        BoundUnary u => Contains<T>(u.Operand),
        _ => false,
    };

    /// <summary>
    /// Every source whose rows a metric expression reads, through the metrics it names, each metric visited once:
    /// with a stack rather than recursion, as a chain of metrics may be long, and shared parts would otherwise be
    /// walked once per path through them (exponentially often in a lattice of metrics).
    /// </summary>
    public IEnumerable<string> SourcesOf(BoundExpression expression)
    {
        var sources = MetricBinder.Aggregates(expression).Select(a => a.Source).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(MetricBinder.References(expression).Reverse());
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !context.Metrics.TryGetValue(name, out var metric)) continue;
            sources.AddRange(metric.Sources);
            foreach (var dependency in metric.DependsOn.Reverse()) pending.Push(dependency);
        }
        return sources;
    }

    private QueryDimension BindDimension(PathExpression path, QueryMetric[] metrics, string[] sources)
    {
        var name = context.TextOf(path);
        if (path.Segments.Length == 1 && TimeUnitWords.Grains.TryGetValue(path.Text, out var grain))
        {
            foreach (var source in sources.Select(s => context.Sources[s]).Where(s => s.TimeAxis is null && s.Lifecycle is null))
                context.Error(DiagnosticCode.NoTimeAxis, path.Span, $"cannot group by {name}: source '{source.Name}' has no time field",
                    $"declare one in '{source.Name}': time <name> = \"<column>\"");
            if (grain is TimeUnit.Day or TimeUnit.Week)
                foreach (var metric in metrics.Where(m => m.Monthly))
                    context.Error(DiagnosticCode.GrainTooFine, path.Span, $"'{metric.Name}' is a monthly quantity and cannot be grouped by {name}",
                        "group by month, quarter or year");
            return new QueryDimension(name, grain, new Dictionary<string, BoundField>(), path.Span);
        }

        var resolver = new PathResolver(context.Sources);
        var bySource = new Dictionary<string, BoundField>();
        foreach (var source in sources)
        {
            var (field, problem) = resolver.Resolve(context.Sources[source], path, DiagnosticCode.Unreachable);
            if (field is not null)
            {
                bySource[source] = field;
                continue;
            }
            var unreachable = problem!.Code == DiagnosticCode.UnknownName
                ? $"cannot group by '{name}': it is not a field of source '{source}' or of a source linked from it"
                : problem.Message;
            // A bare name may be a misspelt grain (`mounth`) or a field of a linked source written without its link
            // (`job_title` for `customer.job_title`): both are what the user meant more often than not.
            var hint = problem.Hint ?? (path.Segments.Length == 1 && problem.Code == DiagnosticCode.UnknownName
                ? Suggestion(name, Paths(context.Sources[source]).ToList())
                : null);
            // A field of that name elsewhere makes it a reachability problem, unless a close name suggests a misspelling.
            var misplaced = problem.Code == DiagnosticCode.UnknownName && hint is null && Reachable(name);
            context.Error(misplaced ? DiagnosticCode.Unreachable : problem.Code, path.Span, unreachable,
                hint ?? "a dimension must be reachable from every metric's source through links");
        }
        return new QueryDimension(name, null, bySource, path.Span);
    }

    /// <summary>The field through a link that has exactly this name, else the closest grain or field name.</summary>
    private static string? Suggestion(string name, IReadOnlyList<string> paths) =>
        paths.FirstOrDefault(p => p.EndsWith("." + name, StringComparison.Ordinal)) is { } linked
            ? $"did you mean '{linked}'?"
            : DidYouMean.Hint(name, TimeUnitWords.Grains.Keys.Concat(paths));

    /// <summary>How a dimension may name each field of a source and of the sources its links reach directly (<c>customer.job_title</c>).</summary>
    private IEnumerable<string> Paths(SourceModel source) =>
        source.Fields.Where(f => f.Kind != Model.FieldKind.Link).Select(f => f.Name).Concat(
            source.Links.Where(l => l.LinkTarget is { } target && context.Sources.ContainsKey(target))
                .SelectMany(l => context.Sources[l.LinkTarget!].Fields.Where(f => f.Kind != Model.FieldKind.Link).Select(f => $"{l.Name}.{f.Name}")));

    /// <summary>Whether some source has a field of this name (then the problem is reachability, not spelling).</summary>
    private bool Reachable(string name) => context.Sources.Values.Any(s => s.Field(name.Split('.')[^1]) is not null);

    /// <summary>The N of <c>top N</c>: a whole number above 0; anything else is reported and read as 0.</summary>
    internal static int TopCount(BinderContext context, NumberLiteral count)
    {
        if (count.Value == decimal.Truncate(count.Value) && count.Value is > 0 and <= int.MaxValue) return (int)count.Value;
        context.Error(DiagnosticCode.InvalidSetting, count.Span, "top takes a whole number above 0");
        return 0;
    }

    /// <summary>
    /// <c>order by</c> keys name columns of the query as written (a metric or a dimension); a misspelt one gets the
    /// closest column as a suggestion, and a column ordered twice is refused (the second key would never decide).
    /// </summary>
    private QueryOrderKey[] BindOrder(Query query, QueryMetric[] metrics, QueryDimension[] dimensions)
    {
        var columns = dimensions.Select(d => d.Name).Concat(metrics.Select(m => m.Name)).ToArray();
        // Keys and columns meet in their printed form, so layout (`(ces)`, spaces) does not decide, as for cxr fmt.
        var printed = query.Dimensions.Select(d => (Expression)d).Concat(query.Metrics).Select(Canonical).ToArray();
        var bound = new List<QueryOrderKey>();
        foreach (var key in query.Order)
        {
            var text = context.TextOf(key.Column);
            var at = Array.IndexOf(printed, Canonical(key.Column));
            if (at < 0 || at >= columns.Length)
            {
                context.Error(DiagnosticCode.UnknownOrderKey, key.Column.Span, $"cannot order by '{text}': it is not a column of this query",
                    DidYouMean.Hint(text, columns) ?? $"order by one of its columns: {string.Join(", ", columns)}");
                continue;
            }
            var column = columns[at];
            if (bound.FirstOrDefault(k => k.Column == column) is { } first)
            {
                context.Error(DiagnosticCode.OrderedTwice, key.Column.Span, $"'{text}' is ordered by twice (first at {first.Span})", "keep one key per column");
                continue;
            }
            bound.Add(new QueryOrderKey(column, key.Descending, key.Column.Span));
        }
        return [.. bound];
    }

    /// <summary>
    /// An expression as cxr fmt prints it; one left incomplete by a syntax error (which the file reports anyway) has
    /// no printed form, and its text as written stands in.
    /// </summary>
    private string Canonical(Expression expression)
    {
        try
        {
            return ExpressionPrinter.Print(expression);
        }
        catch (ArgumentOutOfRangeException)
        {
            return context.TextOf(expression);
        }
    }

    private QueryTop BindTop(TopClause top, QueryMetric[] metrics, QueryDimension[] dimensions)
    {
        var count = TopCount(context, top.Count);
        if (top.By is null) return new QueryTop(count, null, null, top.Ascending);
        var text = context.TextOf(top.By);
        if (metrics.Any(m => m.Name == text) || dimensions.Any(d => d.Name == text))
            return new QueryTop(count, text, null, top.Ascending);
        return new QueryTop(count, text, expressions.BindMetric(top.By, null), top.Ascending);
    }
}
