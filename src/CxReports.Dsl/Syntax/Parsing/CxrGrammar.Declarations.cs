using CxReports.Dsl.Syntax.Tree;
using Superpower;
using Superpower.Parsers;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    internal TokenListParser<CxrToken, Declaration> DeclarationP = null!;

    private void BuildDeclarationParsers()
    {
        var source =
            from _ in Kw("source")
            from name in NameP
            from fromKw in Kw("from")
            from path in StringP
            from format in Kw("format").IgnoreThen(NameP).Opt()
            from members in Body(SourceMemberP, "source")
            select (Declaration)new SourceDeclaration(name, path, format, members);

        var metric =
            from _ in Kw("metric")
            from name in NameP
            from label in StringP.Opt()
            from eq in Tok(CxrToken.Equal)
            from value in ExpressionP
            from whereClause in Kw("where").IgnoreThen(ExpressionP).Opt()
            from per in Kw("per").IgnoreThen(NameP).Opt()
            select (Declaration)new MetricDeclaration(name, label, value, whereClause, per);

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

        DeclarationP = Located(source.Or(metric).Or(score).Or(scenario).Or(report)
            .Named("declaration (source, metric, score, scenario or report)"));
    }
}
