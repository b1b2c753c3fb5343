using Superpower;
using Superpower.Model;

namespace CxReports.Dsl.Syntax;

/// <summary>
/// Turns CXR text into tokens. It never fails: characters it cannot read become <see cref="CxrToken.Unknown"/>
/// and an unclosed string becomes <see cref="CxrToken.UnterminatedString"/>, so the parser can report them and
/// carry on with the rest of the file.
/// </summary>
public sealed class CxrTokenizer : Tokenizer<CxrToken>
{
    public static CxrTokenizer Instance { get; } = new();

    private static readonly (string Text, CxrToken Kind)[] Operators =
    [
        ("..", CxrToken.DotDot), ("->", CxrToken.Arrow), ("!=", CxrToken.NotEqual), ("<=", CxrToken.LessOrEqual),
        (">=", CxrToken.GreaterOrEqual), ("{", CxrToken.LBrace), ("}", CxrToken.RBrace), ("(", CxrToken.LParen),
        (")", CxrToken.RParen), (",", CxrToken.Comma), (":", CxrToken.Colon), (".", CxrToken.Dot),
        ("=", CxrToken.Equal), ("<", CxrToken.Less), (">", CxrToken.Greater), ("+", CxrToken.Plus),
        ("-", CxrToken.Minus), ("*", CxrToken.Star), ("/", CxrToken.Slash),
    ];

    protected override IEnumerable<Result<CxrToken>> Tokenize(TextSpan span)
    {
        var next = SkipWhiteSpace(span);
        while (next.HasValue)
        {
            var start = next.Location;
            var c = next.Value;
            TextSpan end;
            CxrToken kind;
            if (c == '#')
            {
                (kind, end) = (CxrToken.Comment, SkipToLineEnd(start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                (kind, end) = (CxrToken.Identifier, SkipWhile(start, ch => char.IsLetterOrDigit(ch) || ch == '_'));
            }
            else if (char.IsAsciiDigit(c))
            {
                (kind, end) = ReadNumber(start);
            }
            else if (c == '"')
            {
                (kind, end) = ReadString(start);
            }
            else
            {
                (kind, end) = ReadOperator(start);
            }

            yield return Result.Value(kind, start, end);
            next = SkipWhiteSpace(end);
        }
    }

    private static TextSpan SkipWhile(TextSpan from, Func<char, bool> predicate)
    {
        var rest = from;
        var c = rest.ConsumeChar();
        while (c.HasValue && predicate(c.Value))
        {
            rest = c.Remainder;
            c = rest.ConsumeChar();
        }
        return rest;
    }

    private static TextSpan SkipToLineEnd(TextSpan from) => SkipWhile(from, ch => ch != '\n' && ch != '\r');

    /// <summary>Numbers <c>12</c>, <c>3.5</c>; percentages <c>80%</c>; dates <c>2025-01-31</c>.</summary>
    private static (CxrToken, TextSpan) ReadNumber(TextSpan start)
    {
        var rest = SkipWhile(start, char.IsAsciiDigit);
        var digits = start.Length - rest.Length;
        if (digits == 4 && LooksLikeDateTail(rest))
            return (CxrToken.Date, rest.Skip(6));

        // A '.' followed by a digit is a decimal point; '..' is the range operator.
        if (!rest.IsAtEnd && rest.Length >= 2 && rest[0] == '.' && char.IsAsciiDigit(rest[1]))
            rest = SkipWhile(rest.Skip(1), char.IsAsciiDigit);
        if (!rest.IsAtEnd && rest[0] == '%')
            return (CxrToken.Percent, rest.Skip(1));
        return (CxrToken.Number, rest);
    }

    private static bool LooksLikeDateTail(TextSpan rest) =>
        rest.Length >= 6 && rest[0] == '-' && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2])
        && rest[3] == '-' && char.IsAsciiDigit(rest[4]) && char.IsAsciiDigit(rest[5]);

    /// <summary>A string runs to its closing quote on the same line; escapes are checked by the parser.</summary>
    private static (CxrToken, TextSpan) ReadString(TextSpan start)
    {
        var rest = start.Skip(1);
        while (!rest.IsAtEnd)
        {
            var c = rest[0];
            if (c == '"') return (CxrToken.String, rest.Skip(1));
            if (c == '\n' || c == '\r') break;
            rest = rest.Skip(c == '\\' && rest.Length >= 2 && rest[1] != '\n' ? 2 : 1);
        }
        return (CxrToken.UnterminatedString, rest);
    }

    private static (CxrToken, TextSpan) ReadOperator(TextSpan start)
    {
        foreach (var (text, kind) in Operators)
        {
            if (start.Length >= text.Length && start.First(text.Length).EqualsValue(text))
                return (kind, start.Skip(text.Length));
        }
        return (CxrToken.Unknown, start.Skip(char.IsSurrogate(start[0]) && start.Length >= 2 ? 2 : 1));
    }
}
