using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Tree;
using BinaryOperator = CxReports.Dsl.Model.BinaryOperator;
using TimeUnit = CxReports.Dsl.Model.TimeUnit;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds alerts: the watched metric and the guard metric as one query by the alert's dimensions (so names resolve and
/// are checked as in any query), the condition against the metric's meaning, the significance test from the metric's
/// function, the check's cron and zone as a schedule's, and each target's address as a delivery's.
/// </summary>
internal sealed class AlertBinder(BinderContext context)
{
    private static readonly Dictionary<string, AlertChannel> Channels =
        Enum.GetValues<AlertChannel>().ToDictionary(c => c.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    private static readonly Dictionary<string, ChangeDirection> Directions =
        Enum.GetValues<ChangeDirection>().ToDictionary(d => d.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    private readonly ExpressionBinder _expressions = new(context, new MetricBinder(context));

    public Dictionary<string, AlertModel> BindAll() =>
        context.DeclarationsOf<AlertDeclaration>().ToDictionary(a => a.Name.Text, Bind, StringComparer.Ordinal);

    private AlertModel Bind(AlertDeclaration alert)
    {
        var members = new Dictionary<string, AlertMember>(StringComparer.Ordinal);
        foreach (var member in alert.Members)
            if (!members.TryAdd(member.Keyword, member))
                context.Error(DiagnosticCode.DuplicateName, member.Span, $"'{member.Keyword}' is written twice in alert '{alert.Name.Text}'",
                    "an alert has one line of each kind; delete one");
        var when = members.GetValueOrDefault("when") as AlertWhen;
        if (when is null)
            context.Error(DiagnosticCode.AlertWithoutCondition, alert.Name.Span, $"alert '{alert.Name.Text}' has no `when` line, so it can never fire",
                "add what it watches, e.g. `when nps by channel drops 5 points vs previous period` or `when churn > 3`");
        var minimum = members.GetValueOrDefault("min") as AlertMinimum;
        var query = BindQuery(alert, when, minimum);
        var metric = query.Metrics[0];
        var condition = when is null ? new ThresholdCondition(BinaryOperator.Greater, 0) : BindCondition(when.Test, metric);
        var check = members.GetValueOrDefault("check") as AlertCheck;
        var (slots, zone) = check is null
            ? (null, context.Settings.TimeZone)
            : ScheduleTimes.Bind(context, check.Cron, check.TimeZone, context.Settings.TimeZone);
        return new AlertModel(
            alert.Name.Text,
            alert.Label?.Value ?? alert.Name.Text,
            query,
            condition,
            minimum is null ? null : new MinimumSample(query.Metrics[^1].Name, BindCount(minimum.Count)),
            members.GetValueOrDefault("significance") is AlertSignificance s ? BindSignificance(s, condition, metric, when) : null,
            members.GetValueOrDefault("grain") is AlertGrain g ? BindGrain(g) : TimeUnit.Month,
            zone,
            check is null ? null : new ScheduleModel(check.Cron.Value, slots!, zone, false, [], check.Span),
            members.GetValueOrDefault("notify") is AlertNotify n ? BindTargets(n) : [],
            alert.Span);
    }

    /// <summary>
    /// The watched metric (and the guard's) by the alert's dimensions, bound as the query <c>metric[, guard] by dims</c>.
    /// A grain among the dimensions is refused: the periods an alert compares are set by its own <c>grain</c>.
    /// </summary>
    private BoundQuery BindQuery(AlertDeclaration alert, AlertWhen? when, AlertMinimum? minimum)
    {
        // Without a when line (reported) the alert still needs a query for the checks that follow: its name stands in.
        Expression watched = when?.Metric ?? new PathExpression([alert.Name]) { Span = alert.Name.Span };
        Expression[] metrics = minimum is null ? [watched] : [watched, minimum.Metric];
        var syntax = new Query([.. metrics], when?.Dimensions ?? [], null, [], null) { Span = (when ?? (SyntaxNode)alert).Span };
        var query = when is null
            ? new BoundQuery([new QueryMetric(alert.Name.Text, new BoundLiteral(0m, Model.ValueType.Number, alert.Span), Meaning.None, false, alert.Span)], [], null, null, alert.Span)
            : new QueryBinder(context, _expressions).Bind(syntax, new Dictionary<string, ParamModel>());
        foreach (var grain in query.Dimensions.Where(d => d.Grain is not null))
            context.Error(DiagnosticCode.InvalidAlertCondition, grain.Span, $"an alert is not grouped by '{grain.Name}': it compares whole periods, set by its `grain` line",
                $"delete '{grain.Name}' from `by` and write `grain {grain.Name}` in the alert");
        return query;
    }

    private AlertCondition BindCondition(AlertTest test, QueryMetric metric)
    {
        switch (test)
        {
            case ChangeTest change:
                var against = change.Baseline is null ? Baseline.Period : SyntaxEnums.BaselineNamed(change.Baseline.Text);
                if (against is null)
                    context.Error(DiagnosticCode.InvalidAlertCondition, change.Baseline!.Span, $"cannot compare with previous '{change.Baseline.Text}'",
                        DidYouMean.Hint(change.Baseline.Text, ["period", "year"]) ?? "write `vs previous period` or `vs previous year`");
                var relative = change.Amount is PercentLiteral;
                var amount = change.Amount switch { PercentLiteral p => p.Value, NumberLiteral n => n.Value, _ => 0m };
                if (amount <= 0)
                    context.Error(DiagnosticCode.InvalidAlertCondition, change.Amount.Span, "a change of 0 fires on every check",
                        $"write how much it must {change.Direction.Text.TrimEnd('s')} to matter, e.g. `{change.Direction.Text} 5 points`");
                if (relative && !metric.Meaning.RelativeChange)
                    context.Error(DiagnosticCode.InvalidAlertCondition, change.Amount.Span,
                        $"'{metric.Name}' is a {metric.Unit.ToString().ToLowerInvariant()}: a change of it in percent of its earlier value says nothing",
                        $"write the change in points, e.g. `{change.Direction.Text} {((PercentLiteral)change.Amount).Percent} points`");
                return new ChangeCondition(Directions[change.Direction.Text], amount, relative, against ?? Baseline.Period);
            case ThresholdTest threshold:
                return new ThresholdCondition(threshold.Operator.ToModel(), BindThreshold(threshold.Value, metric));
            default:
                throw new ArgumentOutOfRangeException(nameof(test), test.GetType().Name, "the parser reads only changes and thresholds");
        }
    }

    /// <summary>
    /// The line as a number in the metric's own unit: a percentage metric (churn 3.2) takes <c>3</c> or <c>3%</c> alike, as
    /// its values are percents; any other metric takes a plain number only.
    /// </summary>
    private decimal BindThreshold(Expression value, QueryMetric metric)
    {
        switch (value)
        {
            case PercentLiteral p when metric.Unit == Unit.Percent:
                return p.Percent;
            case PercentLiteral p:
                context.Error(DiagnosticCode.InvalidAlertCondition, p.Span, $"'{metric.Name}' is not a percentage, so {p.Percent}% has no meaning for it",
                    $"write the line as a number in the metric's unit, e.g. `> {p.Percent}`");
                return 0;
        }
        if (SourceBinder.Constant(value) is decimal number) return number;
        context.Error(DiagnosticCode.InvalidAlertCondition, value.Span, $"the line an alert compares with must be a number, not {context.TextOf(value)}",
            "write a number, e.g. `when churn > 3` or `when nps < -10`");
        return 0;
    }

    private long BindCount(NumberLiteral count)
    {
        if (count.Value >= 1 && count.Value == decimal.Truncate(count.Value) && count.Value <= int.MaxValue) return (long)count.Value;
        context.Error(DiagnosticCode.InvalidAlertGuard, count.Span, $"the minimum must be a whole number of at least 1, not {count.Value}",
            "write how many answers a segment needs to be judged, e.g. `min responses_n 30`");
        return 1;
    }

    private SignificanceRule? BindSignificance(AlertSignificance significance, AlertCondition condition, QueryMetric metric, AlertWhen? when)
    {
        var level = significance.Level is PercentLiteral { Value: >= 0.5m and < 1m } p ? p.Value : (decimal?)null;
        if (level is null)
            context.Error(DiagnosticCode.InvalidAlertGuard, significance.Level.Span, $"a significance level is a percentage from 50% up to (not including) 100%, not {context.TextOf(significance.Level)}",
                "write `significance 95%` (a change that noise would make less than 5% of the time) or `significance 99%`");
        if (condition is not ChangeCondition)
        {
            if (when is not null)
                context.Error(DiagnosticCode.SignificanceWithoutTest, significance.Span, "significance tests a change between two periods, and this alert compares with a fixed line",
                    "delete `significance`, or watch a change: `when ... drops 5 points vs previous period`");
            return null;
        }
        if (SampleOf(metric.Expression) is { Function.Test: { } test } sample)
            return new SignificanceRule(level ?? 0.95m, test, sample);
        var tested = FunctionCatalog.Aggregates.Values.Where(f => f.Test is not null).Select(f => f.Name);
        context.Error(DiagnosticCode.SignificanceWithoutTest, significance.Span,
            $"no significance test applies to '{metric.Name}': a test needs the answers behind one NPS, proportion or mean",
            $"the functions with a test are {string.Join(", ", tested)}; delete `significance` or watch a metric built on one of them");
        return null;
    }

    /// <summary>The one aggregate a metric is, following the metrics it names; null for arithmetic on aggregates.</summary>
    private BoundAggregate? SampleOf(BoundExpression expression)
    {
        for (var steps = 0; steps <= context.Metrics.Count; steps++)
        {
            switch (expression)
            {
                case BoundAggregate aggregate: return aggregate;
                case BoundMetricReference r when context.Metrics.TryGetValue(r.Metric, out var named): expression = named.Expression; break;
                default: return null;
            }
        }
        return null; // a cycle of names, reported by the metric binder
    }

    private TimeUnit BindGrain(AlertGrain grain)
    {
        if (TimeUnitWords.Grains.TryGetValue(grain.Unit.Text, out var unit)) return unit;
        context.Error(DiagnosticCode.InvalidAlertCondition, grain.Unit.Span, $"unknown grain '{grain.Unit.Text}'",
            DidYouMean.Hint(grain.Unit.Text, TimeUnitWords.Grains.Keys) ?? "grains are day, week, month, quarter and year");
        return TimeUnit.Month;
    }

    private AlertTargetModel[] BindTargets(AlertNotify notify)
    {
        if (notify.Targets.Length > AlertModel.MaxTargets)
            context.Error(DiagnosticCode.InvalidAlertTarget, notify.Targets[AlertModel.MaxTargets].Span,
                $"an alert notifies at most {AlertModel.MaxTargets} targets; this one lists {notify.Targets.Length}",
                "send to a list or a channel that reaches everyone instead of to each person");
        var targets = new List<AlertTargetModel>();
        foreach (var target in notify.Targets)
        {
            if (!Channels.TryGetValue(target.Channel.Text, out var channel))
            {
                context.Error(DiagnosticCode.InvalidAlertTarget, target.Channel.Span, $"unknown channel '{target.Channel.Text}'",
                    DidYouMean.Hint(target.Channel.Text, Channels.Keys) ?? "channels are slack, teams, email and webhook");
                continue;
            }
            var problem = channel == AlertChannel.Email ? Rules.EmailProblem(target.Address.Value) : Rules.UrlProblem(target.Address.Value);
            if (problem is not null)
                context.Error(DiagnosticCode.InvalidAlertTarget, target.Address.Span, $"{target.Channel.Text} \"{target.Address.Value}\" {problem}",
                    channel == AlertChannel.Email ? "write an address such as \"cx@firma.com.tr\"" : $"paste the {target.Channel.Text} webhook's https address");
            if (targets.Any(t => t.Channel == channel && t.Address == target.Address.Value))
                context.Error(DiagnosticCode.DuplicateName, target.Span, $"{target.Channel.Text} \"{target.Address.Value}\" is listed twice", "delete one");
            targets.Add(new AlertTargetModel(channel, target.Address.Value, target.Span));
        }
        return [.. targets];
    }
}
