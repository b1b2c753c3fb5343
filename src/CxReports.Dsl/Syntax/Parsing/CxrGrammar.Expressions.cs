using System.Collections.Immutable;
using CxReports.Dsl.Syntax.Tree;
using Superpower;
using Superpower.Parsers;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    /// <summary>Any expression: <c>or</c> binds loosest, then <c>and</c>, <c>not</c>, comparisons, + -, * /, unary minus.</summary>
    internal TokenListParser<CxrToken, Expression> ExpressionP = null!;
    /// <summary>An arithmetic expression (no comparison or logic): range ends, defaults, thresholds.</summary>
    private TokenListParser<CxrToken, Expression> AdditiveP = null!;
    private TokenListParser<CxrToken, PathExpression> PathP = null!;
    private TokenListParser<CxrToken, ImmutableArray<Expression>> ParenthesisedListP = null!;

    private void BuildExpressionParsers()
    {
        PathP = Located(NameP.AtLeastOnceDelimitedBy(Tok(CxrToken.Dot))
            .Select(names => new PathExpression([.. names])));

        var argument = Located(
            from label in ParserExtensions.Attempt(NameP.Then(n => Tok(CxrToken.Colon).Value(n))).Opt()
            from value in Parse.Ref(() => ExpressionP)
            from per in Kw("per").IgnoreThen(NameP).Opt()
            select new Argument(label, value, per));

        var callOrPath =
            from head in NameP
            from args in argument.ManyDelimitedBy(Tok(CxrToken.Comma))
                .Between(Tok(CxrToken.LParen), Tok(CxrToken.RParen)).Opt()
            from tail in args is null
                ? Tok(CxrToken.Dot).IgnoreThen(NameP).Many()
                : Parse.Return<CxrToken, Name[]>([])
            select args is null
                ? (Expression)new PathExpression([head, .. tail])
                : new CallExpression(head, [.. args]);

        var percent = Located(Token.EqualTo(CxrToken.Percent).Select(t =>
            new PercentLiteral(ParseDecimal(t, t.ToStringValue().TrimEnd('%')))));

        var parenthesised = Parse.Ref(() => ExpressionP).Between(Tok(CxrToken.LParen), Tok(CxrToken.RParen));

        var primary = Located(
            DurationP.Select(d => (Expression)d)
                .Or(NumberP.Select(n => (Expression)n))
                .Or(percent.Select(p => (Expression)p))
                .Or(StringP.Select(s => (Expression)s))
                .Or(DateP.Select(d => (Expression)d))
                .Or(callOrPath)
                .Or(parenthesised.Select(e => e))
                .Named("value"));

        TokenListParser<CxrToken, Expression> unary = null!;
        unary = Located(Tok(CxrToken.Minus).IgnoreThen(Parse.Ref(() => unary))
                .Select(e => (Expression)new UnaryExpression(UnaryOperator.Negate, e)))
            .Or(primary);

        var multiplicative = Parse.Chain(
            Tok(CxrToken.Star).Value(BinaryOperator.Multiply).Or(Tok(CxrToken.Slash).Value(BinaryOperator.Divide)),
            unary, MakeBinary);
        AdditiveP = Parse.Chain(
            Tok(CxrToken.Plus).Value(BinaryOperator.Add).Or(Tok(CxrToken.Minus).Value(BinaryOperator.Subtract)),
            multiplicative, MakeBinary);

        ParenthesisedListP = Parse.Ref(() => ExpressionP).AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
            .Between(Tok(CxrToken.LParen), Tok(CxrToken.RParen))
            .Select(items => items.ToImmutableArray());

        var comparisonOperator =
            Tok(CxrToken.Equal).Value(BinaryOperator.Equal)
                .Or(Tok(CxrToken.NotEqual).Value(BinaryOperator.NotEqual))
                .Or(Tok(CxrToken.LessOrEqual).Value(BinaryOperator.LessOrEqual))
                .Or(Tok(CxrToken.Less).Value(BinaryOperator.Less))
                .Or(Tok(CxrToken.GreaterOrEqual).Value(BinaryOperator.GreaterOrEqual))
                .Or(Tok(CxrToken.Greater).Value(BinaryOperator.Greater));

        TokenListParser<CxrToken, Func<Expression, Expression>> comparisonTail =
            (from op in comparisonOperator
             from right in AdditiveP
             select (Func<Expression, Expression>)(left => Spanned(new BinaryExpression(op, left, right), left, right)))
            .Or(from _ in Kw("in")
                from items in ParenthesisedListP
                select (Func<Expression, Expression>)(left => Spanned(new InExpression(left, items, false), left, items[^1])))
            .Or(from _ in ParserExtensions.Attempt(Kw("not").IgnoreThen(Kw("in")))
                from items in ParenthesisedListP
                select (Func<Expression, Expression>)(left => Spanned(new InExpression(left, items, true), left, items[^1])))
            .Or(from _ in Kw("between")
                from low in AdditiveP
                from and in Kw("and")
                from high in AdditiveP
                select (Func<Expression, Expression>)(left => Spanned(new BetweenExpression(left, low, high), left, high)));

        var comparison =
            from left in AdditiveP
            from tail in comparisonTail.Opt()
            select tail is null ? left : tail(left);

        TokenListParser<CxrToken, Expression> negation = null!;
        negation = Located(Kw("not").IgnoreThen(Parse.Ref(() => negation))
                .Select(e => (Expression)new UnaryExpression(UnaryOperator.Not, e)))
            .Or(comparison);

        var conjunction = Parse.Chain(Kw("and").Value(BinaryOperator.And), negation, MakeBinary);
        ExpressionP = Parse.Chain(Kw("or").Value(BinaryOperator.Or), conjunction, MakeBinary);
    }

    private static Expression MakeBinary(BinaryOperator op, Expression left, Expression right) =>
        Spanned(new BinaryExpression(op, left, right), left, right);

    private static Expression Spanned(Expression node, SyntaxNode first, SyntaxNode last) =>
        node with { Span = first.Span.To(last.Span) };
}
