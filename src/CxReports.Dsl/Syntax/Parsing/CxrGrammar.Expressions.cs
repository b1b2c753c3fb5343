using System.Collections.Immutable;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace CxReports.Dsl.Syntax.Parsing;

internal sealed partial class CxrGrammar
{
    /// <summary>Any expression: <c>or</c> binds loosest, then <c>and</c>, <c>not</c>, comparisons, + -, * /, unary minus.</summary>
    internal TokenListParser<CxrToken, Expression> ExpressionP = null!;
    /// <summary>An arithmetic expression (no comparison or logic): range ends, defaults, thresholds.</summary>
    private TokenListParser<CxrToken, Expression> AdditiveP = null!;
    /// <summary>The unchecked forms: nested parts are measured once, with the whole expression they belong to.</summary>
    private TokenListParser<CxrToken, Expression> _expressionCore = null!, _additiveCore = null!;

    /// <summary>How many nested parts (parentheses, arguments, list items, operands of - and not) are being read.</summary>
    private int _nesting;
    private TokenListParser<CxrToken, PathExpression> PathP = null!;
    private TokenListParser<CxrToken, PercentLiteral> PercentP = null!;
    private TokenListParser<CxrToken, ImmutableArray<Expression>> ParenthesisedListP = null!;

    private void BuildExpressionParsers()
    {
        PathP = Located(NameP.AtLeastOnceDelimitedBy(Tok(CxrToken.Dot))
            .Select(names => new PathExpression([.. names])));

        var argument = Located(
            from label in ParserExtensions.Attempt(NameP.Then(n => Tok(CxrToken.Colon).Value(n))).Opt()
            from value in Nested(Parse.Ref(() => _expressionCore), addsNode: true)
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

        var percent = PercentP = Located(Token.EqualTo(CxrToken.Percent).Select(t =>
            new PercentLiteral(ParseDecimal(t, t.ToStringValue().TrimEnd('%')))));

        var parenthesised = Nested(Parse.Ref(() => _expressionCore)).Between(Tok(CxrToken.LParen), Tok(CxrToken.RParen));

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
        unary = Located(Tok(CxrToken.Minus).IgnoreThen(Nested(Parse.Ref(() => unary), true, CxrToken.Minus, null, primary))
                .Select(e => (Expression)new UnaryExpression(UnaryOperator.Negate, e)))
            .Or(primary);

        var multiplicative = Parse.Chain(
            Tok(CxrToken.Star).Value(BinaryOperator.Multiply).Or(Tok(CxrToken.Slash).Value(BinaryOperator.Divide)),
            unary, MakeBinary);
        _additiveCore = Parse.Chain(
            Tok(CxrToken.Plus).Value(BinaryOperator.Add).Or(Tok(CxrToken.Minus).Value(BinaryOperator.Subtract)),
            multiplicative, MakeBinary);
        AdditiveP = Measured(_additiveCore);

        // Lists also stand alone (`in (...)` constraints, param choices), so their items are measured themselves.
        ParenthesisedListP = Nested(Parse.Ref(() => ExpressionP), addsNode: true).AtLeastOnceDelimitedBy(Tok(CxrToken.Comma))
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
             from right in _additiveCore
             select (Func<Expression, Expression>)(left => Spanned(new BinaryExpression(op, left, right), left, right)))
            .Or(from _ in Kw("in")
                from items in ParenthesisedListP
                select (Func<Expression, Expression>)(left => Spanned(new InExpression(left, items, false), left, items[^1])))
            .Or(from _ in ParserExtensions.Attempt(Kw("not").IgnoreThen(Kw("in")))
                from items in ParenthesisedListP
                select (Func<Expression, Expression>)(left => Spanned(new InExpression(left, items, true), left, items[^1])))
            .Or(from _ in Kw("between")
                from low in _additiveCore
                from and in Kw("and")
                from high in _additiveCore
                select (Func<Expression, Expression>)(left => Spanned(new BetweenExpression(left, low, high), left, high)));

        var comparison =
            from left in _additiveCore
            from tail in comparisonTail.Opt()
            select tail is null ? left : tail(left);

        TokenListParser<CxrToken, Expression> negation = null!;
        negation = Located(Kw("not").IgnoreThen(Nested(Parse.Ref(() => negation), true, CxrToken.Identifier, "not", comparison))
                .Select(e => (Expression)new UnaryExpression(UnaryOperator.Not, e)))
            .Or(comparison);

        var conjunction = Parse.Chain(Kw("and").Value(BinaryOperator.And), negation, MakeBinary);
        _expressionCore = Parse.Chain(Kw("or").Value(BinaryOperator.Or), conjunction, MakeBinary);
        ExpressionP = Measured(_expressionCore);
    }

    /// <summary>
    /// A nested part, read one level deeper. Past <see cref="CxrLimits.MaxExpressionDepth"/> it is not read
    /// recursively: CXR031 is reported at the token that opened the level, and the part is skipped up to the
    /// closing <c>)</c> or <c>,</c> of its level (an operand of - or not: the run of operators, then one operand
    /// read without going deeper), so the parser never recurses past the limit whatever the input.
    /// <paramref name="addsNode"/>: the part hangs under a node of its own (a call, a list, - or not), one more level
    /// of the tree than plain parentheses, so the limit is reached one level sooner.
    /// </summary>
    private TokenListParser<CxrToken, Expression> Nested(TokenListParser<CxrToken, Expression> inner, bool addsNode = false,
        CxrToken repeated = CxrToken.None, string? repeatedText = null, TokenListParser<CxrToken, Expression>? operand = null) =>
        input =>
        {
            if (_nesting >= CxrLimits.MaxExpressionDepth - (addsNode ? 2 : 1) || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
                return operand is null ? SkipNestedPart(input) : SkipOperatorRun(input, repeated, repeatedText, operand);
            _nesting++;
            try
            {
                return inner(input);
            }
            finally
            {
                _nesting--;
            }
        };

    private TokenListParserResult<CxrToken, Expression> SkipNestedPart(TokenList<CxrToken> input)
    {
        ReportTooDeep(input);
        var rest = input;
        var depth = 0;
        while (rest.ConsumeToken() is { HasValue: true } next)
        {
            var kind = next.Value.Kind;
            if (depth == 0 && kind is CxrToken.RParen or CxrToken.Comma || kind is CxrToken.LBrace or CxrToken.RBrace || StartsDeclaration(next.Value))
                break;
            if (kind == CxrToken.LParen) depth++;
            if (kind == CxrToken.RParen) depth--;
            rest = next.Remainder;
        }
        return Omitted(input, rest);
    }

    private TokenListParserResult<CxrToken, Expression> SkipOperatorRun(TokenList<CxrToken> input, CxrToken kind, string? text,
        TokenListParser<CxrToken, Expression> operand)
    {
        ReportTooDeep(input);
        var rest = input;
        while (rest.ConsumeToken() is { HasValue: true } next && next.Value.Kind == kind && (text is null || next.Value.ToStringValue() == text))
            rest = next.Remainder;
        var read = operand(rest);
        return read.HasValue ? Omitted(input, read.Remainder) : read;
    }

    private void ReportTooDeep(TokenList<CxrToken> input)
    {
        var opener = input.Position > 0 ? SpanOf(_tokens[input.Position - 1]) : EndOfFile();
        _diagnostics.Add(DiagnosticCode.NestedTooDeeply, opener,
            $"expression nests more than {CxrLimits.MaxExpressionDepth} levels deep here",
            "split it into metrics or dimensions, or remove parentheses, '-' and 'not' that cancel out");
    }

    private TokenListParserResult<CxrToken, Expression> Omitted(TokenList<CxrToken> from, TokenList<CxrToken> to) =>
        TokenListParserResult.Value<CxrToken, Expression>(
            new OmittedExpression { Span = to.Position > from.Position ? SpanBetween(from, to) : SpanOfPrevious(from) }, from, to);

    private SourceSpan SpanOfPrevious(TokenList<CxrToken> at) =>
        at.Position > 0 ? SpanOf(_tokens[at.Position - 1]) : EndOfFile();

    /// <summary>
    /// A whole expression, measured once it is read: one deeper than <see cref="CxrLimits.MaxExpressionDepth"/> levels
    /// (a long chain of operators, which the parser reads in a loop) is reported as CXR031 at the operand where it
    /// crosses the limit and replaced by an <see cref="OmittedExpression"/>, so no later phase walks it.
    /// </summary>
    private TokenListParser<CxrToken, Expression> Measured(TokenListParser<CxrToken, Expression> expression) =>
        input =>
        {
            var result = expression(input);
            if (!result.HasValue || ExpressionHeight.FirstBeyond(result.Value, CxrLimits.MaxExpressionDepth) is not { } tooDeep)
                return result;
            var at = ExpressionHeight.Children(tooDeep).LastOrDefault() ?? tooDeep;
            _diagnostics.Add(DiagnosticCode.NestedTooDeeply, at.Span,
                $"expression nests more than {CxrLimits.MaxExpressionDepth} levels deep here",
                "split a long chain of operators into metrics or dimensions of a few dozen terms each");
            return TokenListParserResult.Value<CxrToken, Expression>(new OmittedExpression { Span = result.Value.Span }, input, result.Remainder);
        };

    private static Expression MakeBinary(BinaryOperator op, Expression left, Expression right) =>
        Spanned(new BinaryExpression(op, left, right), left, right);

    private static Expression Spanned(Expression node, SyntaxNode first, SyntaxNode last) =>
        node with { Span = first.Span.To(last.Span) };
}
