using System.Collections.Immutable;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using Superpower.Model;

namespace CxReports.Dsl.Syntax.Parsing;

/// <summary>A parsed file (always produced, possibly partial) and the diagnostics found reading it.</summary>
public sealed record ParseResult<T>(T Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Reads CXR text into syntax trees. Never throws on bad input: everything wrong becomes a diagnostic.</summary>
public static class CxrParser
{
    /// <summary>Parses one <c>.cxr</c> file, recovering after each error to report the rest.</summary>
    public static ParseResult<SyntaxFile> ParseFile(SourceFile source)
    {
        var diagnostics = new DiagnosticBag(DiagnosticBag.DefaultLimit);
        var (tokens, comments) = Lex(source, diagnostics);
        return Nesting(tokens) > ShallowNesting
            ? LargeStack.Run(() => ParseTokens(source, tokens, comments, diagnostics))
            : ParseTokens(source, tokens, comments, diagnostics);
    }

    private static ParseResult<SyntaxFile> ParseTokens(SourceFile source, Token<CxrToken>[] tokens, ImmutableArray<Comment> comments, DiagnosticBag diagnostics)
    {
        var grammar = CxrGrammar.For(source.Path, tokens, diagnostics);
        var declarations = ImmutableArray.CreateBuilder<Declaration>();
        var rest = new TokenList<CxrToken>(tokens);
        while (!rest.IsAtEnd && !diagnostics.IsFull)
        {
            var parsed = grammar.DeclarationP(rest);
            if (parsed.HasValue)
            {
                declarations.Add(parsed.Value);
                rest = parsed.Remainder;
                continue;
            }
            grammar.ReportSyntaxError(parsed, rest, "");
            rest = SkipToNextDeclaration(rest);
        }
        var file = new SyntaxFile(source, declarations.ToImmutable(), comments);
        return new ParseResult<SyntaxFile>(file, Ordered(diagnostics));
    }

    /// <summary>Parses a query (<c>nps, csat by month, channel where ...</c>) as typed on the command line or sent over HTTP.</summary>
    public static ParseResult<Query?> ParseQuery(string text, string origin = "<query>")
    {
        var diagnostics = new DiagnosticBag(DiagnosticBag.DefaultLimit);
        var (tokens, _) = Lex(new SourceFile(origin, text), diagnostics);
        return Nesting(tokens) > ShallowNesting
            ? LargeStack.Run(() => ParseQueryTokens(origin, tokens, diagnostics))
            : ParseQueryTokens(origin, tokens, diagnostics);
    }

    private static ParseResult<Query?> ParseQueryTokens(string origin, Token<CxrToken>[] tokens, DiagnosticBag diagnostics)
    {
        var grammar = CxrGrammar.For(origin, tokens, diagnostics);
        var input = new TokenList<CxrToken>(tokens);
        var parsed = grammar.QueryP(input);
        if (!parsed.HasValue)
        {
            grammar.ReportSyntaxError(parsed, input, "in the query");
            return new ParseResult<Query?>(null, Ordered(diagnostics));
        }
        if (!parsed.Remainder.IsAtEnd)
        {
            var extra = parsed.Remainder.ConsumeToken().Value;
            diagnostics.Add(DiagnosticCode.SyntaxError, grammar.SpanOf(extra),
                $"unexpected `{extra.ToStringValue()}` after the query",
                "a query is: metrics [by dimensions] [where condition] [order by column [asc|desc], ...] [top N [by metric]]");
        }
        return new ParseResult<Query?>(diagnostics.HasErrors ? null : parsed.Value, Ordered(diagnostics));
    }

    /// <summary>Nesting up to which the parser runs on the caller's thread (a few kilobytes of stack per level).</summary>
    private const int ShallowNesting = 16;

    /// <summary>
    /// The deepest the parser can recurse on these tokens, counted without parsing: open parentheses, plus the run
    /// of <c>-</c> and <c>not</c> in front of an operand (each of which the parser reads one level deeper).
    /// </summary>
    private static int Nesting(Token<CxrToken>[] tokens)
    {
        int depth = 0, run = 0, deepest = 0;
        foreach (var token in tokens)
        {
            var prefix = token.Kind == CxrToken.Minus || (token.Kind == CxrToken.Identifier && token.Span.EqualsValue("not"));
            run = prefix ? run + 1 : 0;
            if (token.Kind == CxrToken.LParen) depth++;
            if (token.Kind == CxrToken.RParen && depth > 0) depth--;
            deepest = Math.Max(deepest, depth + run);
        }
        return deepest;
    }

    /// <summary>Tokenizes, reporting stray characters and unclosed strings, and sets comments aside.</summary>
    private static (Token<CxrToken>[] Tokens, ImmutableArray<Comment> Comments) Lex(SourceFile source, DiagnosticBag diagnostics)
    {
        var tokens = new List<Token<CxrToken>>();
        var comments = ImmutableArray.CreateBuilder<Comment>();
        var warnedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in CxrTokenizer.Instance.Tokenize(source.Text))
        {
            var span = new SourceSpan(source.Path, token.Span.Position.Absolute, token.Span.Position.Line,
                token.Span.Position.Column, token.Span.Length);
            switch (token.Kind)
            {
                case CxrToken.Comment:
                    var text = token.ToStringValue();
                    if (Array.FindIndex(text.ToCharArray(), TextSafety.IsBidiControl) is var bidi and >= 0)
                        diagnostics.Add(DiagnosticCode.BidiControl, span with { Offset = span.Offset + bidi, Column = span.Column + bidi, Length = 1 },
                            $"comment contains the invisible bidirectional control U+{(int)text[bidi]:X4}, which can make the code around it display in another order",
                            "delete it; CXR text never needs it");
                    comments.Add(new Comment(text) { Span = span });
                    continue;
                case CxrToken.Identifier when TextSafety.Scripts(token.ToStringValue()) is { Count: > 1 } scripts && warnedNames.Add(token.ToStringValue()):
                    diagnostics.Add(DiagnosticCode.MixedScripts, span,
                        $"name '{token.ToStringValue()}' mixes {string.Join(" and ", scripts)} letters, so it can look like another name",
                        "write each name in one writing system; retype the letters that came from another keyboard layout");
                    break;
                case CxrToken.Unknown:
                    diagnostics.Add(DiagnosticCode.UnexpectedCharacter, span,
                        $"unexpected character '{token.ToStringValue()}'", "CXR uses letters, digits, quotes and + - * / = < > ! ( ) { } , : . %");
                    continue;
                case CxrToken.UnterminatedString:
                    diagnostics.Add(DiagnosticCode.UnterminatedString, span, "string is not closed before the end of the line",
                        "add the closing \"; a quote inside a string is written \\\"");
                    break;
            }
            tokens.Add(token);
        }
        return (tokens.ToArray(), comments.ToImmutable());
    }

    private static TokenList<CxrToken> SkipToNextDeclaration(TokenList<CxrToken> rest)
    {
        var next = rest.ConsumeToken();
        rest = next.Remainder;
        while (!rest.IsAtEnd && !CxrGrammar.StartsDeclaration(rest.ConsumeToken().Value))
            rest = rest.ConsumeToken().Remainder;
        return rest;
    }

    /// <summary>Diagnostics in file order, each reported once even if two recovery paths found it.</summary>
    private static IReadOnlyList<Diagnostic> Ordered(DiagnosticBag bag) =>
        bag.WithSummary().DistinctBy(d => (d.Code, d.Span.Offset)).OrderBy(d => d.Span.Offset).ToArray();
}
