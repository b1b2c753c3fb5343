using CxReports.Dsl.Syntax.Tree;
using Superpower;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    private TokenListParser<CxrToken, SourceMember> SourceMemberP = null!;
    private TokenListParser<CxrToken, Setting> SettingP = null!;

    /// <summary>
    /// <c>label "en" "City"</c> after a field, dimension, score component or band: its label in another locale. All
    /// three tokens decide, so a score component named <c>label</c> (<c>label "X" weight 10</c>) still parses.
    /// </summary>
    private TokenListParser<CxrToken, LabelItem> LocaleLabelP = null!;

    private void BuildSourceParsers()
    {
        SettingP = Located(
            from keyword in NameP
            from values in ExpressionP.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
            from per in Kw("per").IgnoreThen(NameP).Opt()
            select new Setting(keyword, [.. values], per));

        LocaleLabelP = Located(ParserExtensions.Attempt(
            from _ in Kw("label")
            from locale in StringP
            from text in StringP
            select new LabelItem(locale, text)));

        var valueLabel = Located(
            from code in AdditiveP
            from _ in Kw("as")
            from label in StringP
            select new ValueLabel(code, label));

        var constraint = Located(
            Kw("required").Value((Constraint)new RequiredConstraint())
                .Or(from _ in Kw("range")
                    from low in AdditiveP
                    from dots in Tok(CxrToken.DotDot)
                    from high in AdditiveP
                    select (Constraint)new RangeConstraint(low, high))
                .Or(from _ in Kw("in")
                    from values in ParenthesisedListP
                    select (Constraint)new InConstraint(values))
                .Or(from _ in Kw("labels")
                    from labels in valueLabel.AtLeastOnceDelimitedBy(Tok(CxrToken.Comma)).Between(Tok(CxrToken.LParen), Tok(CxrToken.RParen))
                    select (Constraint)new LabelsConstraint([.. labels]))
                .Or(from _ in Kw("default")
                    from value in AdditiveP
                    select (Constraint)new DefaultConstraint(value)));

        TokenListParser<CxrToken, SourceMember> Field(string keyword, FieldKind kind) =>
            from _ in Kw(keyword)
            from name in NameP
            from label in StringP.Opt()
            from column in Tok(CxrToken.Equal).IgnoreThen(StringP).Opt()
            from type in Tok(CxrToken.Colon).IgnoreThen(NameP.Named("type")).Opt()
            from format in Kw("format").IgnoreThen(StringP).Opt()
            from thousands in Kw("thousands").IgnoreThen(StringP).Opt()
            from constraints in constraint.Many()
            from labels in LocaleLabelP.Many()
            select (SourceMember)new FieldMember(kind, name, column, type, format, [.. constraints])
            {
                Thousands = thousands, Label = label, LocaleLabels = [.. labels],
            };

        // The file column of a link may be written bare (`musteri_no`) or quoted ("müşteri no").
        var fileColumn = StringP.Or(NameP.Select(n => new StringLiteral(n.Text) { Span = n.Span }));

        var link =
            from _ in Kw("link")
            from name in NameP
            from label in StringP.Opt()
            from column in Tok(CxrToken.Equal).IgnoreThen(fileColumn).Opt()
            from arrow in Tok(CxrToken.Arrow)
            from target in NameP
            from required in Kw("required").Value(true).OptionalOrDefault()
            from labels in LocaleLabelP.Many()
            select (SourceMember)new LinkMember(name, column, target, required) { Label = label, LocaleLabels = [.. labels] };

        var lifecycle =
            from _ in Kw("lifecycle")
            from start in PathP
            from end in Tok(CxrToken.DotDot).IgnoreThen(PathP).Opt()
            select (SourceMember)new LifecycleMember(start, end);

        var dimension =
            from _ in Kw("dimension")
            from name in NameP
            from label in StringP.Opt()
            from eq in Tok(CxrToken.Equal)
            from value in ExpressionP
            from labels in LocaleLabelP.Many()
            select (SourceMember)new DimensionMember(name, value) { Label = label, LocaleLabels = [.. labels] };

        var recurring =
            from _ in Kw("recurring")
            from field in NameP
            from per in Kw("per").IgnoreThen(NameP)
            from whereClause in Kw("where").IgnoreThen(ExpressionP).Opt()
            select (SourceMember)new RecurringMember(field, per, whereClause);

        var options =
            from _ in Kw("options")
            from settings in Body(SettingP, "options block")
            select (SourceMember)new OptionsMember(settings);

        SourceMemberP = Located(
            Field("key", FieldKind.Key)
                .Or(Field("column", FieldKind.Column))
                .Or(Field("time", FieldKind.Time))
                .Or(link).Or(lifecycle).Or(dimension).Or(recurring).Or(options)
                .Named("source member (key, column, time, link, lifecycle, dimension, recurring or options)"));
    }
}
