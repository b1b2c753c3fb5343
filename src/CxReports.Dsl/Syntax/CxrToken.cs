using Superpower.Display;

namespace CxReports.Dsl.Syntax;

/// <summary>Token kinds of CXR. Keywords are contextual, so every word is an <see cref="Identifier"/>.</summary>
public enum CxrToken
{
    None,
    [Token(Description = "name")] Identifier,
    [Token(Description = "string")] String,
    [Token(Description = "number")] Number,
    [Token(Description = "percentage")] Percent,
    [Token(Description = "date")] Date,
    [Token(Example = "{")] LBrace,
    [Token(Example = "}")] RBrace,
    [Token(Example = "(")] LParen,
    [Token(Example = ")")] RParen,
    [Token(Example = ",")] Comma,
    [Token(Example = ":")] Colon,
    [Token(Example = ".")] Dot,
    [Token(Example = "..")] DotDot,
    [Token(Example = "->")] Arrow,
    [Token(Example = "=")] Equal,
    [Token(Example = "!=")] NotEqual,
    [Token(Example = "<")] Less,
    [Token(Example = "<=")] LessOrEqual,
    [Token(Example = ">")] Greater,
    [Token(Example = ">=")] GreaterOrEqual,
    [Token(Example = "+")] Plus,
    [Token(Example = "-")] Minus,
    [Token(Example = "*")] Star,
    [Token(Example = "/")] Slash,
    /// <summary>A <c>#</c> comment to the end of the line; kept for the formatter, never seen by the parser.</summary>
    [Token(Description = "comment")] Comment,
    /// <summary>A character CXR does not use; reported as CXR001 and skipped.</summary>
    [Token(Description = "unexpected character")] Unknown,
    /// <summary>A string whose closing quote is missing; reported as CXR002 and parsed as a string.</summary>
    [Token(Description = "string")] UnterminatedString,
}
