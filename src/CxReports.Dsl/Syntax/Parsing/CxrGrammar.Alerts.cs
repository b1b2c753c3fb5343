using CxReports.Dsl.Syntax.Tree;
using Superpower;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    private TokenListParser<CxrToken, AlertMember> AlertMemberP = null!;

    /// <summary>The lines of an alert: when, min, significance, grain, check, notify.</summary>
    private void BuildAlertParsers()
    {
        var amount =
            PercentP.Select(p => (Expression)p)
                .Or(from number in NumberP
                    from unit in Kw("points").Or(Kw("point")).Named("`points` (or a percentage such as 10%)")
                    select (Expression)number);
        var change = Located(
            from direction in Kw("drops").Or(Kw("rises")).Or(Kw("changes"))
                .Select(t => new Name(t.ToStringValue()) { Span = SpanOf(t) })
            from byWord in Kw("by").OptionalOrDefault()
            from size in amount
            from baseline in Kw("vs").IgnoreThen(Kw("previous")).IgnoreThen(NameP.Named("`period` or `year`")).Opt()
            select (AlertTest)new ChangeTest(direction, size, baseline));
        var threshold = Located(
            from op in OrderingP
            from value in AdditiveP
            select (AlertTest)new ThresholdTest(op, value));
        var test = change.Or(threshold)
            .Named("`drops`, `rises`, `changes` or a comparison (> >= < <=)");

        var when =
            from _ in Kw("when")
            from metric in AdditiveP
            from dimensions in Kw("by").IgnoreThen(PathP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))).Opt()
            from condition in test
            select (AlertMember)new AlertWhen(metric, [.. dimensions ?? []], condition);
        var minimum =
            from _ in Kw("min")
            from metric in AdditiveP
            from count in NumberP
            select (AlertMember)new AlertMinimum(metric, count);
        var significance =
            from _ in Kw("significance")
            from level in AdditiveP
            select (AlertMember)new AlertSignificance(level);
        var grain =
            from _ in Kw("grain")
            from unit in NameP.Named("grain (day, week, month, quarter or year)")
            select (AlertMember)new AlertGrain(unit);
        var check =
            from _ in Kw("check")
            from cron in StringP
            from zone in Kw("timezone").IgnoreThen(StringP).Opt()
            select (AlertMember)new AlertCheck(cron, zone);
        var target = Located(
            from channel in NameP.Named("channel (slack, teams, email or webhook)")
            from address in StringP
            select new AlertTarget(channel, address));
        var notify =
            from _ in Kw("notify")
            from targets in target.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
            select (AlertMember)new AlertNotify([.. targets]);

        AlertMemberP = Located(when.Or(minimum).Or(significance).Or(grain).Or(check).Or(notify)
            .Named("alert member (when, min, significance, grain, check or notify)"));
    }
}
