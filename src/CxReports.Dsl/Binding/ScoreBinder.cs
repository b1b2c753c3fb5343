using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>Binds scores: each component an aggregate over rows linked to the entity, with a window and a scale.</summary>
internal sealed class ScoreBinder(BinderContext context)
{
    public void BindAll()
    {
        var expressions = new ExpressionBinder(context, new MetricBinder(context));
        foreach (var declaration in context.DeclarationsOf<ScoreDeclaration>())
        {
            if (!context.Sources.TryGetValue(declaration.Entity.Text, out var entity))
            {
                context.UnknownName(declaration.Entity, "source", declaration.Entity.Text, context.Sources.Keys);
                continue;
            }
            if (entity.Key is null)
                context.Error(DiagnosticCode.InvalidScore, declaration.Entity.Span, $"score '{declaration.Name.Text}' is computed per row of '{entity.Name}', which has no key",
                    $"declare `key <field>` in source '{entity.Name}'");
            var components = new List<ScoreComponentModel>();
            foreach (var component in declaration.Components)
            {
                if (components.Any(c => c.Name == component.Name.Text))
                {
                    context.Error(DiagnosticCode.DuplicateName, component.Name.Span, $"component '{component.Name.Text}' is defined twice in score '{declaration.Name.Text}'");
                    continue;
                }
                if (BindComponent(component, entity, expressions) is { } bound) components.Add(bound);
            }
            if (declaration.Components.Length == 0)
                context.Error(DiagnosticCode.InvalidScore, declaration.Name.Span, $"score '{declaration.Name.Text}' has no components",
                    "add one: usage weight 40 = count(events) within 30 days scale 0 .. 20");
            context.Scores[declaration.Name.Text] = new ScoreModel(declaration.Name.Text, entity.Name, components, BindBands(declaration), declaration.Span);
        }
    }

    private ScoreComponentModel? BindComponent(ScoreComponent component, SourceModel entity, ExpressionBinder expressions)
    {
        var value = expressions.BindMetric(component.Value, null);
        if (value is not BoundAggregate aggregate)
        {
            if (value is not BoundLiteral { Type: Model.ValueType.Unknown })
                context.Error(DiagnosticCode.InvalidScore, component.Value.Span, "a score component is one aggregate over the entity's rows, like count(events) or last(responses.score)");
            return null;
        }
        var source = context.Sources[aggregate.Source];
        if (source.Name != entity.Name && !source.Links.Any(l => l.LinkTarget == entity.Name))
            context.Error(DiagnosticCode.Unreachable, component.Value.Span, $"source '{source.Name}' has no link to '{entity.Name}', so its rows cannot be scored per {entity.Name}",
                $"add `link <name> = <column> -> {entity.Name}` to '{source.Name}'");
        if (component.Within is { } within && source.TimeAxis is null)
            context.Error(DiagnosticCode.NoTimeAxis, within.Span, $"a window needs a time field, but source '{source.Name}' has none");
        if (component.Weight.Value <= 0)
            context.Error(DiagnosticCode.InvalidScore, component.Weight.Span, "a component's weight must be greater than 0");
        var from = SourceBinder.Constant(component.ScaleFrom) as decimal?;
        var to = SourceBinder.Constant(component.ScaleTo) as decimal?;
        if (from is null || to is null || from == to)
        {
            context.Error(DiagnosticCode.InvalidScore, component.ScaleFrom.Span.To(component.ScaleTo.Span),
                "a scale needs two different numbers: scale 0 .. 20 (or 10 .. 0 to reverse it)");
            return null;
        }
        var window = component.Within is { } w ? new Duration(w.Amount, w.Unit.ToModel()) : null;
        return new ScoreComponentModel(component.Name.Text, component.Weight.Value, aggregate, window, from.Value, to.Value, component.Span)
        {
            Label = new LabelBinder(context).Bind($"component '{component.Name.Text}'", component.Label, component.LocaleLabels),
        };
    }

    private List<ScoreBandModel> BindBands(ScoreDeclaration declaration)
    {
        var bands = new List<ScoreBandModel>();
        foreach (var band in declaration.Bands)
        {
            if (bands.Any(b => b.Name == band.Name.Text))
                context.Error(DiagnosticCode.DuplicateName, band.Name.Span, $"band '{band.Name.Text}' is defined twice");
            if (bands.Count > 0 && bands[^1].Threshold is null)
                context.Error(DiagnosticCode.InvalidScore, band.Span, $"band '{band.Name.Text}' can never apply: the band before it takes every remaining score",
                    "put the band without a condition last");
            var threshold = band.Threshold is null ? null : SourceBinder.Constant(band.Threshold) as decimal?;
            if (band.Threshold is not null && threshold is null)
                context.Error(DiagnosticCode.InvalidScore, band.Threshold.Span, "a band threshold is a number: band healthy >= 70");
            bands.Add(new ScoreBandModel(band.Name.Text, band.Operator?.ToModel(), threshold)
            {
                Label = new LabelBinder(context).Bind($"band '{band.Name.Text}'", band.Label, band.LocaleLabels),
            });
        }
        return bands;
    }
}
