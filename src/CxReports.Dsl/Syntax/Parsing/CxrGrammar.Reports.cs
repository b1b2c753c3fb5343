using CxReports.Dsl.Syntax.Tree;
using Superpower;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    internal TokenListParser<CxrToken, Query> QueryP = null!;
    private TokenListParser<CxrToken, ReportMember> ReportMemberP = null!;
    private TokenListParser<CxrToken, TopClause> TopP = null!;
    private TokenListParser<CxrToken, SortKey> SortKeyP = null!;

    private void BuildReportParsers()
    {
        TopP = Located(
            from _ in Kw("top")
            from count in NumberP
            from orderBy in Kw("by").IgnoreThen(ExpressionP).Opt()
            from order in Kw("asc").Value(true).Or(Kw("desc").Value(false)).OptionalOrDefault()
            select new TopClause(count, orderBy, order));

        SortKeyP = Located(
            from key in ExpressionP
            from order in Kw("asc").Value(true).Or(Kw("desc").Value(false)).OptionalOrDefault()
            select new SortKey(key, order));

        var orderKey = Located(
            from column in ExpressionP
            from isDescending in Kw("desc").Value(true).Or(Kw("asc").Value(false)).OptionalOrDefault()
            select new OrderKey(column, isDescending));

        QueryP = Located(
            from metrics in ExpressionP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
            from dimensions in Kw("by").IgnoreThen(PathP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))).Opt()
            from whereClause in Kw("where").IgnoreThen(ExpressionP).Opt()
            from orderKeys in Kw("order").IgnoreThen(Kw("by")).IgnoreThen(orderKey.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))).Opt()
            from limit in TopP.Opt()
            select new Query([.. metrics], [.. dimensions ?? []], whereClause, [.. orderKeys ?? []], limit));

        ReportMemberP = Located(
            Period().Or(Param()).Or(Filter()).Or(Schedule()).Or(Section())
                .Or(SettingP.Where(s => ReportSettings.Contains(s.Keyword.Text), "report member")
                    .Select(s => (ReportMember)new ReportSetting(s)))
                .Named("report member (description, period, grain, timezone, locale, param, filter, schedule or section)"));
    }

    private static readonly HashSet<string> ReportSettings = ["description", "grain", "timezone", "locale"];

    private TokenListParser<CxrToken, ReportMember> Period()
    {
        var fixedPeriod = Located(
            from fromDate in DateP
            from dots in Tok(CxrToken.DotDot)
            from to in DateP
            select (Tree.Period)new FixedPeriod(fromDate, to));
        var relative = Located(
            from anchor in Kw("last").Or(Kw("this")).Or(Kw("previous")).Then(t => Parse.Return<CxrToken, Name>(new Name(t.ToStringValue()) { Span = SpanOf(t) }))
            from count in IntegerP.Select(n => (int?)n).OptionalOrDefault()
            from unit in UnitP
            select (Tree.Period)new RelativePeriod(anchor, count, unit));
        return from _ in Kw("period")
               from period in fixedPeriod.Or(relative).Named("period (`2025-01-01 .. 2025-12-31`, `last 12 months`, `this year`)")
               select (ReportMember)new PeriodMember(period);
    }

    private TokenListParser<CxrToken, ReportMember> Param() =>
        from _ in Kw("param")
        from name in NameP
        from colon in Tok(CxrToken.Colon)
        from type in NameP.Named("type")
        from defaultValue in Tok(CxrToken.Equal).IgnoreThen(AdditiveP).Opt()
        from choices in Kw("in").IgnoreThen(ParenthesisedListP).OptionalOrDefault()
        select (ReportMember)new ParamMember(name, type, defaultValue, choices.IsDefault ? [] : choices);

    private TokenListParser<CxrToken, ReportMember> Filter() =>
        from _ in Kw("filter")
        from condition in ExpressionP
        from unless in Kw("unless").IgnoreThen(ExpressionP).Opt()
        select (ReportMember)new FilterMember(condition, unless);

    private TokenListParser<CxrToken, ReportMember> Schedule()
    {
        var formats = Kw("as").IgnoreThen(NameP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma)));
        var delivery = Located(
            from kind in Kw("email").Or(Kw("folder")).Or(Kw("webhook"))
                .Select(t => new Name(t.ToStringValue()) { Span = SpanOf(t) })
            from targets in StringP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
            from format in formats.Opt()
            from subject in Kw("subject").IgnoreThen(StringP).Opt()
            from file in Kw("file").IgnoreThen(StringP).Opt()
            select (ScheduleItem)new Delivery(kind, [.. targets], [.. format ?? []], subject, file));
        var skip = Located(
            from _ in Kw("skip")
            from when in Kw("when")
            from empty in Kw("empty")
            select (ScheduleItem)new SkipWhenEmpty());
        var item = delivery.Or(skip).Named("delivery (email, folder or webhook) or `skip when empty`");

        return from _ in Kw("schedule")
               from cron in StringP
               from zone in Kw("timezone").IgnoreThen(StringP).Opt()
               from items in Body(item, "schedule")
               select (ReportMember)new ScheduleMember(cron, zone, items);
    }

    private TokenListParser<CxrToken, ReportMember> Section() =>
        from _ in Kw("section")
        from title in StringP
        from blocks in Body(BlockP(), "section")
        select (ReportMember)new SectionMember(title, blocks);

    private TokenListParser<CxrToken, Block> BlockP()
    {
        var id = ParserExtensions.Attempt(NameP.Then(n => Tok(CxrToken.Colon).Value(n))).Opt();
        var title = StringP.Opt();

        var kpi =
            from _ in Kw("kpi")
            from t in title
            from i in id
            from metrics in ExpressionP.Then(e => Kw("at").IgnoreThen(NameP.Named("`start` or `end`")).Opt()
                    .Select(moment => (Metric: e, Moment: moment)))
                .AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
            from compare in Kw("compare").IgnoreThen(Kw("previous")).IgnoreThen(NameP).Opt()
            select (Block)new KpiBlock(i, t, [.. metrics.Select(m => m.Metric)], compare)
            {
                Moments = metrics.Any(m => m.Moment is not null) ? [.. metrics.Select(m => m.Moment)] : [],
            };
        var chart =
            from _ in Kw("chart")
            from kind in NameP.Named("chart kind (line, bar, area or stacked)")
            from t in title
            from i in id
            from query in QueryP
            select (Block)new ChartBlock(kind, i, t, query);
        var table =
            from _ in Kw("table")
            from t in title
            from i in id
            from query in QueryP
            select (Block)new TableBlock(i, t, query);
        var cohort =
            from _ in Kw("cohort")
            from t in title
            from i in id
            from source in NameP
            from grain in Kw("by").IgnoreThen(NameP)
            from over in Kw("over").IgnoreThen(NumberP)
            select (Block)new CohortBlock(i, t, source, grain, over);
        var scores =
            from _ in Kw("scores")
            from t in title
            from i in id
            from score in NameP
            from whereClause in Kw("where").IgnoreThen(ExpressionP).Opt()
            from limit in TopP.Opt()
            from thenBy in limit is { By: not null }
                ? Tok(CxrToken.Comma).IgnoreThen(SortKeyP).Many()
                : Parse.Return<CxrToken, SortKey[]>([])
            from show in Kw("show").IgnoreThen(PathP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))).Opt()
            from empty in Kw("empty").IgnoreThen(StringP).Opt()
            select (Block)new ScoresBlock(i, t, score, whereClause, limit) { ThenBy = [.. thenBy], Show = [.. show ?? []], Empty = empty };
        var scenario =
            from _ in Kw("scenario")
            from t in title
            from i in id
            from name in NameP
            select (Block)new ScenarioBlock(i, t, name);
        var text =
            from _ in Kw("text")
            from i in id
            from body in StringP
            select (Block)new TextBlock(i, body);

        return Located(kpi.Or(chart).Or(table).Or(cohort).Or(scores).Or(scenario).Or(text)
            .Named("block (kpi, chart, table, cohort, scores, scenario or text)"));
    }
}
