using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace CxReports.Dsl.Syntax.Parsing;

/// <summary>
/// The CXR grammar as Superpower combinators. Building the combinator graph costs far more than parsing a file,
/// so each thread builds it once (<see cref="For"/>) and points it at the file being parsed, whose name goes into
/// every span. Bodies in braces recover from errors member by member (see <see cref="Body{T}"/>), so one pass
/// reports every syntax error it can.
/// </summary>
internal sealed partial class CxrGrammar
{
    [ThreadStatic] private static CxrGrammar? _threadInstance;

    private string _file = "";
    private Token<CxrToken>[] _tokens = [];
    private DiagnosticBag _diagnostics = new();

    /// <summary>This thread's grammar, set to read <paramref name="tokens"/> of <paramref name="file"/>.</summary>
    public static CxrGrammar For(string file, Token<CxrToken>[] tokens, DiagnosticBag diagnostics)
    {
        var grammar = _threadInstance ??= new CxrGrammar();
        grammar._file = file;
        grammar._tokens = tokens;
        grammar._diagnostics = diagnostics;
        grammar._nesting = 0;
        return grammar;
    }

    private CxrGrammar()
    {
        BuildLexicalParsers();
        BuildExpressionParsers();
        BuildSourceParsers();
        BuildModelParsers();
        BuildReportParsers();
        BuildDeclarationParsers();
    }

    // ---- lexical ---------------------------------------------------------------------------------------

    private TokenListParser<CxrToken, Name> NameP = null!;
    private TokenListParser<CxrToken, StringLiteral> StringP = null!;
    private TokenListParser<CxrToken, NumberLiteral> NumberP = null!;
    private TokenListParser<CxrToken, int> IntegerP = null!;
    private TokenListParser<CxrToken, DateLiteral> DateP = null!;
    private TokenListParser<CxrToken, DurationLiteral> DurationP = null!;

    private static readonly Dictionary<string, TimeUnit> UnitWords = new(StringComparer.Ordinal)
    {
        ["day"] = TimeUnit.Day, ["days"] = TimeUnit.Day, ["week"] = TimeUnit.Week, ["weeks"] = TimeUnit.Week,
        ["month"] = TimeUnit.Month, ["months"] = TimeUnit.Month, ["quarter"] = TimeUnit.Quarter,
        ["quarters"] = TimeUnit.Quarter, ["year"] = TimeUnit.Year, ["years"] = TimeUnit.Year,
    };

    private void BuildLexicalParsers()
    {
        NameP = Located(Token.EqualTo(CxrToken.Identifier).Select(t => new Name(t.ToStringValue())));
        StringP = Located(Token.EqualTo(CxrToken.String).Or(Token.EqualTo(CxrToken.UnterminatedString))
            .Select(t => new StringLiteral(DecodeString(t))));
        NumberP = Located(Token.EqualTo(CxrToken.Number)
            .Select(t => new NumberLiteral(ParseDecimal(t, t.ToStringValue()))));
        IntegerP = Token.EqualTo(CxrToken.Number).Select(t => ParseInteger(t));
        DateP = Located(Token.EqualTo(CxrToken.Date).Select(t => new DateLiteral(ParseDate(t))));
        DurationP = Located(
            from amount in ParserExtensions.Attempt(Token.EqualTo(CxrToken.Number).Then(n => UnitToken.Select(u => (n, u))))
            select new DurationLiteral(ParseInteger(amount.n), UnitWords[amount.u.ToStringValue()]));
    }

    private static TokenListParser<CxrToken, Token<CxrToken>> UnitToken { get; } =
        Token.EqualTo(CxrToken.Identifier).Where(t => UnitWords.ContainsKey(t.ToStringValue()), "time unit");

    /// <summary>A contextual keyword: an identifier with exactly this text.</summary>
    private static TokenListParser<CxrToken, Token<CxrToken>> Kw(string text) =>
        Token.EqualToValue(CxrToken.Identifier, text).Named($"`{text}`");

    private static TokenListParser<CxrToken, Token<CxrToken>> Tok(CxrToken kind) => Token.EqualTo(kind);

    private static TokenListParser<CxrToken, TimeUnit> UnitP { get; } = UnitToken.Select(t => UnitWords[t.ToStringValue()]);

    private int ParseInteger(Token<CxrToken> token)
    {
        var text = token.ToStringValue();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        _diagnostics.Add(DiagnosticCode.InvalidLiteral, SpanOf(token),
            text.All(char.IsAsciiDigit) ? $"'{text}' is too large a number" : $"'{text}' is not a whole number",
            "durations, counts and horizons are whole numbers");
        return 1; // stands in for the reported value without tripping the range checks that follow
    }

    /// <summary>The value of a number or percentage's <paramref name="digits"/>; one too large for a decimal is reported.</summary>
    internal decimal ParseDecimal(Token<CxrToken> token, string digits)
    {
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Add(DiagnosticCode.InvalidLiteral, SpanOf(token), $"'{token.ToStringValue()}' is too large a number",
                "numbers have at most 28 digits");
            return 0;
        }
        // A decimal keeps 28 or 29 significant digits and rounds the rest away without a word: more digits than that
        // would silently be another number (and cxr fmt would print that other number).
        if (Canonical(digits) != Canonical(value.ToString(CultureInfo.InvariantCulture)))
            _diagnostics.Add(DiagnosticCode.InvalidLiteral, SpanOf(token),
                $"'{token.ToStringValue()}' has more digits than a number keeps; it would be read as {value.ToString(CultureInfo.InvariantCulture)}",
                "numbers have at most 28 significant digits");
        return value;
    }

    /// <summary>The digits of a number without leading zeros, trailing zeros after the point, or a bare point.</summary>
    private static string Canonical(string digits)
    {
        var point = digits.IndexOf('.');
        var whole = (point < 0 ? digits : digits[..point]).TrimStart('0');
        var fraction = point < 0 ? "" : digits[(point + 1)..].TrimEnd('0');
        return (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? "" : "." + fraction);
    }

    private DateOnly ParseDate(Token<CxrToken> token)
    {
        var text = token.ToStringValue();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        _diagnostics.Add(DiagnosticCode.InvalidLiteral, SpanOf(token), $"'{text}' is not a calendar date",
            "dates are written YYYY-MM-DD and must exist (2025-02-30 does not)");
        return DateOnly.MinValue;
    }

    private string DecodeString(Token<CxrToken> token)
    {
        var raw = token.ToStringValue();
        var closed = token.Kind == CxrToken.String;
        var body = raw.Substring(1, raw.Length - (closed ? 2 : 1));
        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (TextSafety.IsRefusedControl(body[i]) || TextSafety.IsBidiControl(body[i]))
                ReportUnsafeCharacter(token, 1 + i, body[i]);
            if (body[i] != '\\' || i + 1 >= body.Length)
            {
                text.Append(body[i]);
                continue;
            }
            var escaped = body[++i];
            switch (escaped)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                default:
                    var span = SpanOf(token);
                    _diagnostics.Add(DiagnosticCode.InvalidEscape,
                        span with { Offset = span.Offset + i, Column = span.Column + i, Length = 2 },
                        $"unknown escape '\\{escaped}' in string", "use \\\", \\\\, \\n or \\t; write \\\\ for a backslash");
                    text.Append(escaped);
                    break;
            }
        }
        return text.ToString();
    }

    private void ReportUnsafeCharacter(Token<CxrToken> token, int index, char c)
    {
        var span = SpanOf(token);
        var at = span with { Offset = span.Offset + index, Column = span.Column + index, Length = 1 };
        if (TextSafety.IsBidiControl(c))
            _diagnostics.Add(DiagnosticCode.BidiControl, at,
                $"string contains the invisible bidirectional control U+{(int)c:X4}, which changes how the text around it is displayed",
                "delete it; CXR text never needs it");
        else
            _diagnostics.Add(DiagnosticCode.ControlCharacter, at, $"string contains the control character U+{(int)c:X4}",
                "delete it; write a line break as \\n and a tab as \\t");
    }

    // ---- spans -----------------------------------------------------------------------------------------

    internal SourceSpan SpanOf(Token<CxrToken> token) =>
        new(_file, token.Span.Position.Absolute, token.Span.Position.Line, token.Span.Position.Column, token.Span.Length);

    /// <summary>The span of the tokens from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    private SourceSpan SpanBetween(TokenList<CxrToken> start, TokenList<CxrToken> end)
    {
        if (start.IsAtEnd || end.Position <= start.Position) return EndOfFile();
        return SpanOf(_tokens[start.Position]).To(SpanOf(_tokens[end.Position - 1]));
    }

    internal SourceSpan EndOfFile()
    {
        if (_tokens.Length == 0) return SourceSpan.None(_file);
        var last = SpanOf(_tokens[^1]);
        return last with { Offset = last.Offset + last.Length, Column = last.Column + last.Length, Length = 0 };
    }

    /// <summary>Sets the node's span to the tokens the parser consumed.</summary>
    private TokenListParser<CxrToken, T> Located<T>(TokenListParser<CxrToken, T> parser) where T : SyntaxNode =>
        input =>
        {
            var result = parser(input);
            if (!result.HasValue) return result;
            var located = (T)(result.Value with { Span = SpanBetween(input, result.Remainder) });
            return TokenListParserResult.Value(located, input, result.Remainder);
        };

    // ---- error recovery ----------------------------------------------------------------------------------

    private static readonly HashSet<string> DeclarationKeywords = ["source", "metric", "score", "scenario", "report", "alert", "model", "currency"];

    /// <summary>
    /// <c>{ member* }</c> that never fails once the brace is read: a member that does not parse is reported and
    /// skipped to the next line (keeping nested braces balanced), and parsing goes on with the next member.
    /// A declaration keyword at the start of a line ends an unclosed body, so one missing <c>}</c> costs one error.
    /// </summary>
    private TokenListParser<CxrToken, ImmutableArray<T>> Body<T>(TokenListParser<CxrToken, T> member, string what) =>
        input =>
        {
            var open = Tok(CxrToken.LBrace)(input);
            if (!open.HasValue) return TokenListParserResult.CastEmpty<CxrToken, Token<CxrToken>, ImmutableArray<T>>(open);
            var items = ImmutableArray.CreateBuilder<T>();
            var rest = open.Remainder;
            while (true)
            {
                var next = rest.ConsumeToken();
                if (!next.HasValue)
                {
                    _diagnostics.Add(DiagnosticCode.SyntaxError, EndOfFile(), $"unexpected end of file, expected `}}` to close the {what}",
                        $"the {what} opened at line {open.Value.Span.Position.Line} is never closed");
                    return TokenListParserResult.Value(items.ToImmutable(), input, rest);
                }
                if (next.Value.Kind == CxrToken.RBrace)
                    return TokenListParserResult.Value(items.ToImmutable(), input, next.Remainder);
                if (StartsDeclaration(next.Value))
                {
                    _diagnostics.Add(DiagnosticCode.SyntaxError, SpanOf(next.Value),
                        $"expected `}}` to close the {what} before this {next.Value.ToStringValue()}",
                        $"the {what} opened at line {open.Value.Span.Position.Line} is never closed");
                    return TokenListParserResult.Value(items.ToImmutable(), input, rest);
                }
                var parsed = member(rest);
                if (parsed.HasValue && parsed.Remainder.Position > rest.Position)
                {
                    items.Add(parsed.Value);
                    rest = parsed.Remainder;
                    continue;
                }
                if (IsModelBlock(rest))
                    _diagnostics.Add(DiagnosticCode.MisplacedModelBlock, SpanOf(next.Value), $"a model block cannot stand inside a {what}",
                        "the model block is a declaration of its own: move it out of every { }, to the start of a line in any file");
                else ReportSyntaxError(parsed, rest, $"in {(what[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {what}");
                rest = SkipPastError(rest, parsed.Location);
            }
        };

    /// <summary>Whether the tokens begin <c>model {</c>: a model block written inside another body.</summary>
    private static bool IsModelBlock(TokenList<CxrToken> rest)
    {
        var keyword = rest.ConsumeToken();
        return keyword.Value is { Kind: CxrToken.Identifier } word && word.Span.EqualsValue("model")
               && keyword.Remainder.ConsumeToken() is { HasValue: true, Value.Kind: CxrToken.LBrace };
    }

    internal static bool StartsDeclaration(Token<CxrToken> token) =>
        token.Kind == CxrToken.Identifier && token.Span.Position.Column == 1 && DeclarationKeywords.Contains(token.ToStringValue());

    /// <summary>Skips the failed member: at least one token, then to the first token on a later line at depth 0.</summary>
    internal static TokenList<CxrToken> SkipPastError(TokenList<CxrToken> start, TokenList<CxrToken> errorAt)
    {
        var errorLine = errorAt.IsAtEnd ? int.MaxValue : errorAt.ConsumeToken().Value.Span.Position.Line;
        var depth = 0;
        var rest = start;
        var first = true;
        while (true)
        {
            var next = rest.ConsumeToken();
            if (!next.HasValue) return rest;
            var token = next.Value;
            var atLineStart = token.Span.Position.Line > errorLine && depth == 0;
            if (!first && (atLineStart || (depth == 0 && token.Kind == CxrToken.RBrace) || StartsDeclaration(token)))
                return rest;
            if (token.Kind == CxrToken.LBrace) depth++;
            if (token.Kind == CxrToken.RBrace) depth--;
            if (depth < 0) depth = 0;
            first = false;
            rest = next.Remainder;
        }
    }

    internal void ReportSyntaxError<T>(TokenListParserResult<CxrToken, T> failed, TokenList<CxrToken> start, string context)
    {
        var at = failed.Location.IsAtEnd ? (Token<CxrToken>?)null : failed.Location.ConsumeToken().Value;
        var span = at is { } token ? SpanOf(token) : EndOfFile();
        var found = at is { } t ? Describe(t) : "end of file";
        var expected = failed.Expectations is { Length: > 0 } e ? $", expected {Join(e)}" : "";
        var message = failed.ErrorMessage is { } custom && failed.Expectations is not { Length: > 0 }
            ? custom
            : $"unexpected {found}{expected}";
        _diagnostics.Add(DiagnosticCode.SyntaxError, span, $"{message} {context}".Trim());
    }

    private static string Describe(Token<CxrToken> token) => token.Kind switch
    {
        CxrToken.Identifier => $"`{token.ToStringValue()}`",
        CxrToken.String or CxrToken.UnterminatedString => $"string {token.ToStringValue()}",
        CxrToken.Number or CxrToken.Percent or CxrToken.Date => $"{token.Kind.ToString().ToLowerInvariant()} {token.ToStringValue()}",
        _ => $"`{token.ToStringValue()}`",
    };

    private static string Join(string[] expectations) =>
        expectations.Length == 1 ? expectations[0]
        : string.Join(", ", expectations[..^1]) + " or " + expectations[^1];
}
