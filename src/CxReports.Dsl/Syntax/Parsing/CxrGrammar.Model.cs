using CxReports.Dsl.Syntax.Tree;
using Superpower;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    private TokenListParser<CxrToken, SyntaxNode> ScoreMemberP = null!;
    private TokenListParser<CxrToken, SyntaxNode> ScenarioMemberP = null!;

    /// <summary><c>&gt;= &gt; &lt;= &lt;</c>: the comparisons of a band's and an alert's threshold.</summary>
    private TokenListParser<CxrToken, BinaryOperator> OrderingP = null!;

    private void BuildModelParsers()
    {
        var comparison = OrderingP =
            Tok(CxrToken.GreaterOrEqual).Value(BinaryOperator.GreaterOrEqual)
                .Or(Tok(CxrToken.Greater).Value(BinaryOperator.Greater))
                .Or(Tok(CxrToken.LessOrEqual).Value(BinaryOperator.LessOrEqual))
                .Or(Tok(CxrToken.Less).Value(BinaryOperator.Less));

        var band = Located(
            from _ in Kw("band")
            from name in NameP
            from label in StringP.Opt()
            from condition in comparison.Then(op => AdditiveP.Select(v => (Op: (BinaryOperator?)op, Value: v)))
                .OptionalOrDefault()
            from labels in LocaleLabelP.Many()
            select new ScoreBand(name, condition.Op, condition.Value) { Label = label, LocaleLabels = [.. labels] });

        // `band weight 10 = ...` is a component named band: the name-then-`weight` prefix decides.
        var component = Located(
            from named in ParserExtensions.Attempt(NameP.Then(n => StringP.Opt().Then(l => Kw("weight").Value((Name: n, Label: l)))))
            from weight in NumberP
            from eq in Tok(CxrToken.Equal)
            from value in ExpressionP
            from within in Kw("within").IgnoreThen(DurationP).Opt()
            from scale in Kw("scale")
            from low in AdditiveP
            from dots in Tok(CxrToken.DotDot)
            from high in AdditiveP
            from labels in LocaleLabelP.Many()
            select new ScoreComponent(named.Name, weight, value, within, low, high) { Label = named.Label, LocaleLabels = [.. labels] });

        ScoreMemberP = component.Select(c => (SyntaxNode)c)
            .Or(band.Select(b => (SyntaxNode)b))
            .Named("score component (`name weight N = ...`) or `band`");

        // `measure 5` is a (misspelt) setting named measure: the `measure against` prefix decides.
        var measure = Located(
            from _ in ParserExtensions.Attempt(Kw("measure").Then(_ => Kw("against")))
            from previous in Kw("previous")
            from baseline in NameP
            select new ScenarioMeasure(baseline));
        ScenarioMemberP = measure.Select(m => (SyntaxNode)m)
            .Or(SettingP.Select(s => (SyntaxNode)s))
            .Named("scenario setting (`retain 1, 5 per month`) or `measure against previous period`");
    }
}
