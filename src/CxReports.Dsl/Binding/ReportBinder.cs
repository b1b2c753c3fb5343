using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using FieldKind = CxReports.Dsl.Model.FieldKind;
using ValueType = CxReports.Dsl.Model.ValueType;
using TimeUnit = CxReports.Dsl.Model.TimeUnit;

namespace CxReports.Dsl.Binding;

/// <summary>Binds reports: settings, period, params, filters, schedule and every block.</summary>
internal sealed class ReportBinder(BinderContext context)
{
    private static readonly string[] ChartKinds = ["line", "bar", "area", "stacked"];
    private static readonly Dictionary<string, DeliveryFormat> Formats = Enum.GetValues<DeliveryFormat>().ToDictionary(f => f.Name());

    private readonly ExpressionBinder _expressions = new(context, new MetricBinder(context));
    private readonly SettingValues _values = new(context);

    public void BindAll()
    {
        foreach (var declaration in context.DeclarationsOf<ReportDeclaration>())
            context.Reports[declaration.Name.Text] = Bind(declaration);
        DeliveryCollisions.Check(context.DeclarationsOf<ReportDeclaration>().Select(d => context.Reports[d.Name.Text]), context);
    }

    private ReportModel Bind(ReportDeclaration report)
    {
        var settings = new Dictionary<string, Setting>();
        foreach (var setting in report.Members.OfType<ReportSetting>().Select(s => s.Setting))
            if (!settings.TryAdd(setting.Keyword.Text, setting))
                context.Error(DiagnosticCode.DuplicateName, setting.Keyword.Span, $"'{setting.Keyword.Text}' is set twice in report '{report.Name.Text}'");

        var parameters = BindParams(report);
        var locale = _values.Locale(settings.GetValueOrDefault("locale")) ?? context.Settings.Locale;
        var queries = new QueryBinder(context, _expressions, locale.Name);
        var sections = new List<SectionModel>();
        var ids = new Dictionary<string, SyntaxNode>();
        var counters = new Dictionary<string, int>();
        foreach (var section in report.Members.OfType<SectionMember>())
        {
            var blocks = new List<BlockModel>();
            foreach (var block in section.Blocks)
            {
                counters[block.Keyword] = counters.GetValueOrDefault(block.Keyword) + 1;
                var id = block.Id?.Text ?? $"{block.Keyword}_{counters[block.Keyword]}";
                if (!ids.TryAdd(id, block))
                    context.Error(DiagnosticCode.DuplicateName, (block.Id ?? (SyntaxNode)block).Span, $"block id '{id}' is used twice in report '{report.Name.Text}'");
                if (BindBlock(block, id, queries, parameters) is { } bound) blocks.Add(bound);
            }
            sections.Add(new SectionModel(section.Title.Value, blocks));
        }

        return new ReportModel(
            report.Name.Text,
            report.Title?.Value ?? report.Name.Text,
            _values.Text(settings.GetValueOrDefault("description")),
            BindPeriod(report),
            BindGrain(settings.GetValueOrDefault("grain")),
            _values.TimeZone(settings.GetValueOrDefault("timezone")) ?? context.Settings.TimeZone,
            locale,
            parameters.Values.ToArray(),
            report.Members.OfType<FilterMember>().Select(f => BindFilter(f, parameters)).OfType<FilterModel>().ToArray(),
            report.Members.OfType<ScheduleMember>().Select(BindSchedule).FirstOrDefault(),
            sections,
            report.Span);
    }

    private TimeUnit? BindGrain(Setting? setting)
    {
        if (setting is null) return null;
        if (setting.Values is [PathExpression { Segments.Length: 1 } p] && TimeUnitWords.Grains.TryGetValue(p.Text, out var unit))
            return unit;
        context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span, $"unknown grain '{context.TextOf(setting.Values[0])}'",
            DidYouMean.Hint(context.TextOf(setting.Values[0]), TimeUnitWords.Grains.Keys) ?? "grains are day, week, month, quarter and year");
        return null;
    }

    private PeriodModel BindPeriod(ReportDeclaration report)
    {
        var members = report.Members.OfType<PeriodMember>().ToArray();
        foreach (var extra in members.Skip(1))
            context.Error(DiagnosticCode.DuplicateName, extra.Span, $"'period' is set twice in report '{report.Name.Text}'");
        switch (members.FirstOrDefault()?.Period)
        {
            case FixedPeriod f:
                if (f.From.Value > f.To.Value && f.To.Value != DateOnly.MinValue) // MinValue: an invalid date, already reported
                    context.Error(DiagnosticCode.InvalidSetting, f.Span, $"the period ends ({f.To.Value:yyyy-MM-dd}) before it starts ({f.From.Value:yyyy-MM-dd})");
                return new FixedPeriodModel(f.From.Value, f.To.Value);
            case RelativePeriod r:
                if (r.Count is <= 0)
                    context.Error(DiagnosticCode.InvalidSetting, r.Span, "a relative period counts at least 1 unit");
                if (r.Anchor.Text == "this" && r.Count is not null)
                    context.Error(DiagnosticCode.InvalidSetting, r.Span, "`this` takes no count: period this month, this quarter, this year");
                return new RelativePeriodModel(SyntaxEnums.AnchorNamed(r.Anchor.Text), r.Count ?? 1, r.Unit.ToModel());
            default:
                return new RelativePeriodModel(PeriodAnchor.Last, 12, TimeUnit.Month);
        }
    }

    private Dictionary<string, ParamModel> BindParams(ReportDeclaration report)
    {
        var parameters = new Dictionary<string, ParamModel>(StringComparer.Ordinal);
        foreach (var param in report.Members.OfType<ParamMember>())
        {
            if (Rules.ReservedParamNames.Contains(param.Name.Text))
                context.Error(DiagnosticCode.ReservedParamName, param.Name.Span,
                    $"a parameter cannot be called '{param.Name.Text}': the report routes read {string.Join(", ", Rules.ReservedParamNames)} from the query string themselves",
                    $"call it something else, e.g. '{report.Name.Text}_{param.Name.Text}'");
            var type = ValueTypes.Parse(param.Type.Text);
            if (type is null)
                context.Error(DiagnosticCode.TypeMismatch, param.Type.Span, $"unknown type '{param.Type.Text}'",
                    DidYouMean.Hint(param.Type.Text, ["text", "integer", "decimal", "boolean", "date", "timestamp"])
                    ?? "types are text, integer, decimal, boolean, date and timestamp");
            var choices = param.Choices.Select(c => (Node: c, Value: SourceBinder.Constant(c))).ToArray();
            foreach (var bad in choices.Where(c => c.Value is null || (type is { } t && !SourceBinder.Compatible(t, c.Value))))
                context.Error(DiagnosticCode.TypeMismatch, bad.Node.Span, $"choice {context.TextOf(bad.Node)} is not a constant of type {param.Type.Text}");
            var defaultValue = param.Default is null ? null : SourceBinder.Constant(param.Default);
            if (param.Default is not null && (defaultValue is null || (type is { } dt && !SourceBinder.Compatible(dt, defaultValue))))
                context.Error(DiagnosticCode.TypeMismatch, param.Default.Span, $"default {context.TextOf(param.Default)} is not a constant of type {param.Type.Text}");
            else if (defaultValue is not null && choices.Length > 0 && !choices.Any(c => Equals(c.Value, defaultValue)))
                context.Error(DiagnosticCode.ParamDefaultNotInChoices, param.Default!.Span,
                    $"default {context.TextOf(param.Default)} of param '{param.Name.Text}' is not one of its choices",
                    $"choices are {string.Join(", ", param.Choices.Select(context.TextOf))}");
            var model = new ParamModel(param.Name.Text, type ?? ValueType.Unknown, defaultValue, choices.Select(c => c.Value).OfType<object>().ToArray(), param.Span);
            if (!parameters.TryAdd(param.Name.Text, model))
                context.Error(DiagnosticCode.DuplicateName, param.Name.Span, $"param '{param.Name.Text}' is declared twice");
        }
        return parameters;
    }

    private FilterModel? BindFilter(FilterMember filter, IReadOnlyDictionary<string, ParamModel> parameters)
    {
        // A report filter applies to the blocks whose sources reach its fields; it must make sense for at least one.
        var bySource = new Dictionary<string, BoundExpression>();
        IReadOnlyList<Diagnostic>? resolvedButWrong = null;
        foreach (var source in context.Sources.Values)
        {
            var trial = new BinderContext([]);
            foreach (var (name, s) in context.Sources) trial.Sources[name] = s;
            var bound = new ExpressionBinder(trial, null).BindCondition(filter.Condition, new RowScope(source, parameters));
            if (!trial.Diagnostics.HasErrors) bySource[source.Name] = bound;
            else if (trial.Diagnostics.Items.All(d => d.Code != DiagnosticCode.UnknownName && d.Code != DiagnosticCode.Unreachable))
                resolvedButWrong ??= trial.Diagnostics.Items;
        }
        if (bySource.Count == 0 && UnknownFilterName(filter.Condition, parameters) is { } unknown)
        {
            var fields = context.Sources.Values.SelectMany(s => s.Fields.Select(f => f.Name)).Distinct();
            context.UnknownName(unknown, "field", unknown.Text, fields);
            return null;
        }
        if (bySource.Count == 0 && resolvedButWrong is not null)
        {
            // Its fields were found from some source, so what is wrong is the condition itself (a type, say).
            context.Diagnostics.AddRange(resolvedButWrong);
            return null;
        }
        if (bySource.Count == 0)
        {
            context.Error(DiagnosticCode.Unreachable, filter.Condition.Span, "this filter does not apply to any source: its fields are not reachable from any of them",
                "name fields as seen from the data the report reads, e.g. customer.plan");
            return null;
        }
        BoundExpression? unless = null;
        if (filter.Unless is { } condition)
        {
            var paramsOnly = new SourceModel("<params>", "", SourceFormat.Csv, SourceOptions.None, [], filter.Span);
            unless = _expressions.BindCondition(condition, new RowScope(paramsOnly, parameters));
        }
        return new FilterModel(bySource, unless, filter.Span);
    }

    /// <summary>A name in the filter that is no parameter, source or field anywhere: a misspelling, not a reachability problem.</summary>
    private Name? UnknownFilterName(Expression condition, IReadOnlyDictionary<string, ParamModel> parameters) =>
        ExpressionBinder.PathsIn(condition)
            .SelectMany(p => p.Segments.Length == 1 && parameters.ContainsKey(p.Text) ? [] : p.Segments)
            .FirstOrDefault(segment => segment.Text is not ("true" or "false")
                && !context.Sources.ContainsKey(segment.Text)
                && !context.Sources.Values.Any(s => s.Field(segment.Text) is not null));

    private ScheduleModel BindSchedule(ScheduleMember schedule)
    {
        var (slots, timeZone) = ScheduleTimes.Bind(context, schedule.Cron, schedule.TimeZone, Rules.FindTimeZone("UTC") ?? TimeZoneInfo.Utc);
        var deliveries = schedule.Deliveries.Select(BindDelivery).ToArray();
        return new ScheduleModel(schedule.Cron.Value, slots, timeZone, schedule.SkipWhenEmpty, deliveries, schedule.Span);
    }

    private DeliveryModel BindDelivery(Delivery delivery)
    {
        var kind = Enum.Parse<DeliveryKind>(delivery.Kind.Text, ignoreCase: true);
        foreach (var format in delivery.Formats.Where(f => !Formats.ContainsKey(f.Text)))
            context.Error(DiagnosticCode.InvalidSetting, format.Span, $"unknown format '{format.Text}'", DidYouMean.Hint(format.Text, Formats.Keys) ?? "formats are pdf, json, csv, xlsx and zip");
        foreach (var target in delivery.Targets)
        {
            var problem = kind switch
            {
                DeliveryKind.Email => Rules.EmailProblem(target.Value),
                DeliveryKind.Webhook => Rules.UrlProblem(target.Value),
                DeliveryKind.Folder when PathPolicy.Problem(target.Value, PathPolicy.OutputRoot) is { } p => p,
                _ => null,
            };
            if (problem is not null)
                context.Error(kind == DeliveryKind.Folder ? DiagnosticCode.PathOutsideData : DiagnosticCode.InvalidSetting, target.Span, $"\"{target.Value}\"{(kind == DeliveryKind.Folder ? ": " : " ")}{problem}");
        }
        if (delivery.FileName is { } file && PathPolicy.Problem(file.Value, PathPolicy.OutputRoot) is { } fileProblem)
            context.Error(DiagnosticCode.PathOutsideData, file.Span, $"file \"{file.Value}\": {fileProblem}",
                "name the file relative to the delivery's folder, e.g. \"{report}_{date}\"");
        var formats = delivery.Formats.Length > 0
            ? delivery.Formats.Where(f => Formats.ContainsKey(f.Text)).Select(f => Formats[f.Text]).ToArray() // an unknown one is reported above
            : [kind == DeliveryKind.Webhook ? DeliveryFormat.Json : DeliveryFormat.Pdf];
        if (kind == DeliveryKind.Webhook) WarnUnsentFormats(delivery);
        return new DeliveryModel(kind, delivery.Targets.Select(t => t.Value).ToArray(), formats, delivery.Subject?.Value, delivery.FileName?.Value, delivery.Span);
    }

    /// <summary>
    /// A webhook POSTs one document, the JSON when it is asked for, else the first format (CXR039 at each other one):
    /// `as json, pdf` would otherwise drop the PDF without a word.
    /// </summary>
    private void WarnUnsentFormats(Delivery delivery)
    {
        var known = delivery.Formats.Where(f => Formats.ContainsKey(f.Text)).ToArray();
        if (known.Length < 2) return;
        var sent = known.FirstOrDefault(f => f.Text == "json") ?? known[0];
        foreach (var format in known.Where(f => f.Text != sent.Text))
            context.Diagnostics.Add(DiagnosticCode.UnsentWebhookFormat, format.Span,
                $"a webhook POSTs one document, the {sent.Text}: {format.Text} is not sent",
                $"deliver {format.Text} by email or to a folder, or give the webhook one format");
    }

    private BlockModel? BindBlock(Block block, string id, QueryBinder queries, IReadOnlyDictionary<string, ParamModel> parameters)
    {
        var title = block.Title?.Value;
        switch (block)
        {
            case KpiBlock kpi:
                if (kpi.Compare is { Text: not ("period" or "year") } compare)
                    context.Error(DiagnosticCode.InvalidSetting, compare.Span, $"cannot compare with previous '{compare.Text}'", "write `compare previous period` or `compare previous year`");
                return new KpiBlockModel(id, title,
                    kpi.Metrics.Select((m, i) => queries.BindKpiMetric(m, kpi.Moments.IsEmpty ? null : kpi.Moments[i])).ToArray(), kpi.Compare is { } c ? SyntaxEnums.BaselineNamed(c.Text) : null, kpi.Span);
            case ChartBlock chart:
                if (!ChartKinds.Contains(chart.Kind.Text))
                    context.Error(DiagnosticCode.InvalidSetting, chart.Kind.Span, $"unknown chart kind '{chart.Kind.Text}'",
                        DidYouMean.Hint(chart.Kind.Text, ChartKinds) ?? "charts are line, bar, area and stacked");
                var kind = Enum.TryParse<ChartKind>(chart.Kind.Text, true, out var k) ? k : ChartKind.Line;
                return new ChartBlockModel(id, title, kind, queries.Bind(chart.Query, parameters), chart.Span);
            case TableBlock table:
                return new TableBlockModel(id, title, queries.Bind(table.Query, parameters), table.Span);
            case CohortBlock cohort:
                return BindCohort(cohort, id, title);
            case ScoresBlock scores:
                return BindScores(scores, id, title);
            case ScenarioBlock scenario:
                if (!context.Declarations.TryGetValue(scenario.Scenario.Text, out var d) || d is not ScenarioDeclaration)
                    context.UnknownName(scenario.Scenario, "scenario", scenario.Scenario.Text, context.DeclarationsOf<ScenarioDeclaration>().Select(s => s.Name.Text));
                return new ScenarioBlockModel(id, title, scenario.Scenario.Text, scenario.Span);
            case TextBlock text:
                return new TextBlockModel(id, text.Text.Value, text.Span);
            default:
                return null;
        }
    }

    private CohortBlockModel? BindCohort(CohortBlock cohort, string id, string? title)
    {
        if (!context.Sources.TryGetValue(cohort.Source.Text, out var source))
        {
            context.UnknownName(cohort.Source, "source", cohort.Source.Text, context.Sources.Keys);
            return null;
        }
        if (source.Lifecycle is null)
            context.Error(DiagnosticCode.NoLifecycle, cohort.Source.Span, $"cohorts need a customer lifecycle, but source '{source.Name}' has none",
                $"declare it in '{source.Name}': lifecycle <start> .. <end>");
        if (cohort.Grain.Text != "month")
            context.Error(DiagnosticCode.InvalidSetting, cohort.Grain.Span, $"cohorts are monthly: cohort {source.Name} by month over N");
        if (cohort.Over.Value != decimal.Truncate(cohort.Over.Value) || cohort.Over.Value is < 1 or > 120)
            context.Error(DiagnosticCode.InvalidSetting, cohort.Over.Span, "`over` is a whole number of months from 1 to 120");
        return new CohortBlockModel(id, title, source.Name, (int)Math.Clamp(cohort.Over.Value, 1, 120), cohort.Span);
    }

    private ScoresBlockModel? BindScores(ScoresBlock block, string id, string? title)
    {
        if (!context.Scores.TryGetValue(block.Score.Text, out var score))
        {
            if (!context.Declarations.ContainsKey(block.Score.Text) || context.Declarations[block.Score.Text] is not ScoreDeclaration)
                context.UnknownName(block.Score, "score", block.Score.Text, context.DeclarationsOf<ScoreDeclaration>().Select(s => s.Name.Text));
            return null;
        }
        // The rows of a scores block are the entity's fields plus score, band and one column per component.
        var entity = context.Sources[score.Entity];
        var extra = new[] { ("score", ValueType.Number), ("band", ValueType.Text) }
            .Concat(score.Components.Select(c => (c.Name, ValueType.Number)))
            .Select(f => new FieldModel(score.Name, f.Item1, f.Item1, FieldKind.Column, f.Item2, block.Span));
        var rows = entity with { Name = entity.Name, Fields = entity.Fields.Where(f => extra.All(e => e.Name != f.Name)).Concat(extra).ToArray() };
        var where = block.Where is null ? null : _expressions.BindCondition(block.Where, RowScope.Of(rows));
        QueryTop? top = null;
        if (block.Top is { } t)
        {
            var by = t.By is null ? null : SortColumn(t.By, rows, score.Name);
            top = new QueryTop(QueryBinder.TopCount(context, t.Count), by, null, t.Ascending);
        }
        var thenBy = block.ThenBy.Select(k => new ScoreSortKey(SortColumn(k.By, rows, score.Name), k.Ascending)).ToArray();
        return new ScoresBlockModel(id, title, score.Name, where, top, block.Span)
        {
            ThenBy = thenBy,
            Show = BindShow(block, entity, rows, score.Name),
            Empty = BindEmpty(block.Empty),
        };
    }

    /// <summary>A key of a scores list's order: one of its columns (score, band, a component or a field of the source).</summary>
    private string SortColumn(Expression by, SourceModel rows, string score)
    {
        var text = context.TextOf(by);
        if (by is not PathExpression path || rows.Field(path.Text) is null)
            context.UnknownName(by, "column", text, rows.Fields.Select(f => f.Name), owner: $"score '{score}'");
        return text;
    }

    /// <summary>
    /// <c>show name, plan</c>: fields of the scored source, each once, none of the columns every list has (the key,
    /// score, band, components).
    /// </summary>
    private IReadOnlyList<BoundField> BindShow(ScoresBlock block, SourceModel entity, SourceModel rows, string score)
    {
        var shown = new List<BoundField>();
        foreach (var path in block.Show)
        {
            if (entity.Field(path.Text) is not { } field)
            {
                var hint = rows.Field(path.Text) is not null ? $"'{path.Text}' is a column of every '{score}' list already" : null;
                context.UnknownName(path, "field", path.Text, entity.Fields.Select(f => f.Name), hint, owner: $"source '{entity.Name}'");
                continue;
            }
            if (field.Kind == FieldKind.Key || rows.Fields.Any(f => f.Name == field.Name && f.Source == score))
            {
                context.Error(DiagnosticCode.ScoresShowRepeats, path.Span, $"'{field.Name}' is a column of every '{score}' list already",
                    "show lists other fields of the source, such as a name, plan or owner");
                continue;
            }
            if (shown.Any(f => f.Field.Name == field.Name))
            {
                context.Error(DiagnosticCode.ScoresShowRepeats, path.Span, $"'{field.Name}' is shown twice", "name each field once");
                continue;
            }
            shown.Add(new BoundField(entity.Name, [], field, path.Span));
        }
        return shown;
    }

    /// <summary><c>empty "No account is at risk"</c>: the sentence an empty list prints; some text is needed.</summary>
    private string? BindEmpty(StringLiteral? empty)
    {
        if (empty is null) return null;
        if (!string.IsNullOrWhiteSpace(empty.Value)) return empty.Value;
        context.Error(DiagnosticCode.InvalidSetting, empty.Span, "`empty` takes the sentence an empty list prints",
            "e.g. empty \"No account is at risk\"; leave it out for the default sentence in the report's language");
        return null;
    }
}
