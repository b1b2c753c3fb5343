using CxReports.Dsl.Syntax.Tree;
using Superpower;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    internal TokenListParser<CxrToken, Declaration> DeclarationP = null!;
    private TokenListParser<CxrToken, MeaningItem> MeaningItemP = null!;

    private void BuildDeclarationParsers()
    {
        BuildMeaningParsers();
        BuildAlertParsers();
        var source =
            from _ in Kw("source")
            from name in NameP
            from label in StringP.Opt()
            from fromKw in Kw("from")
            from path in StringP
            from format in Kw("format").IgnoreThen(NameP).Opt()
            from labels in LocaleLabelP.Many()
            from members in Body(SourceMemberP, "source")
            select (Declaration)new SourceDeclaration(name, path, format, members) { Label = label, LocaleLabels = [.. labels] };

        var metric =
            from _ in Kw("metric")
            from name in NameP
            from label in StringP.Opt()
            from eq in Tok(CxrToken.Equal)
            from value in ExpressionP
            from whereClause in Kw("where").IgnoreThen(ExpressionP).Opt()
            from per in Kw("per").IgnoreThen(NameP).Opt()
            from meaning in Body(MeaningItemP, "metric's meaning").Select(items => (Items: items, Written: true))
                .OptionalOrDefault(([], false))
            select (Declaration)new MetricDeclaration(name, label, value, whereClause, per)
            {
                Meaning = meaning.Items, HasMeaningBlock = meaning.Written,
            };

        var currency =
            from keyword in NameP.Where(n => n.Text == "currency", "`currency`")
            from code in StringP
            select (Declaration)new CurrencyDeclaration(keyword, code);

        var model =
            from keyword in NameP.Where(n => n.Text == "model", "`model`")
            from settings in Body(SettingP, "model block")
            select (Declaration)new ModelDeclaration(keyword, settings);

        var score =
            from _ in Kw("score")
            from name in NameP
            from entity in Kw("for").IgnoreThen(NameP)
            from members in Body(ScoreMemberP, "score")
            select (Declaration)new ScoreDeclaration(name, entity,
                [.. members.OfType<ScoreComponent>()], [.. members.OfType<ScoreBand>()]);

        var scenario =
            from _ in Kw("scenario")
            from name in NameP
            from members in Body(ScenarioMemberP, "scenario")
            select (Declaration)new ScenarioDeclaration(name, [.. members.OfType<Setting>()], [.. members.OfType<ScenarioMeasure>()]);

        var report =
            from _ in Kw("report")
            from name in NameP
            from title in StringP.Opt()
            from members in Body(ReportMemberP, "report")
            select (Declaration)new ReportDeclaration(name, title, members);

        var alert =
            from _ in Kw("alert")
            from name in NameP
            from label in StringP.Opt()
            from members in Body(AlertMemberP, "alert")
            select (Declaration)new AlertDeclaration(name, label, members);

        DeclarationP = Located(source.Or(metric).Or(score).Or(scenario).Or(report).Or(alert).Or(model).Or(currency)
            .Named("declaration (source, metric, score, scenario, report, alert, model or currency)"));
    }

    /// <summary>The lines of a metric's meaning block: unit, decimals, direction, relative change, labels per locale.</summary>
    private void BuildMeaningParsers()
    {
        var unit = from _ in Kw("unit") from name in NameP.Named("unit (count, percent, score, currency, ratio, hours, days or none)")
            select (MeaningItem)new UnitItem(name);
        var decimals = from _ in Kw("decimals") from count in NumberP select (MeaningItem)new DecimalsItem(count);
        var better =
            from word in NameP.Where(n => n.Text is "higher" or "lower", "`higher` or `lower`")
            from _ in Kw("is").IgnoreThen(Kw("better"))
            select (MeaningItem)new DirectionItem(word);
        var neutral = from word in NameP.Where(n => n.Text == "neutral", "`neutral`") select (MeaningItem)new DirectionItem(word);
        var relative = from _ in Kw("relative").IgnoreThen(Kw("change")) select (MeaningItem)new RelativeChangeItem(true);
        var noRelative = from _ in Kw("no").IgnoreThen(Kw("relative")).IgnoreThen(Kw("change")) select (MeaningItem)new RelativeChangeItem(false);
        var label = from _ in Kw("label") from locale in StringP from text in StringP select (MeaningItem)new LabelItem(locale, text);
        MeaningItemP = Located(unit.Or(decimals).Or(better).Or(neutral).Or(relative).Or(noRelative).Or(label)
            .Named("meaning (unit, decimals, higher is better, lower is better, neutral, relative change, no relative change or label)"));
    }
}
