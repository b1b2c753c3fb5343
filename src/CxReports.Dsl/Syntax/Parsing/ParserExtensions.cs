using Superpower;

namespace CxReports.Dsl.Syntax.Parsing;

/// <summary>Small combinators missing from Superpower in the shape CXR needs.</summary>
internal static class ParserExtensions
{
    /// <summary>Optional reference-typed value: null when absent, nullable-annotated for the compiler.</summary>
    public static TokenListParser<CxrToken, T?> Opt<T>(this TokenListParser<CxrToken, T> parser) where T : class =>
        parser.Select(value => (T?)value).OptionalOrDefault();

    /// <summary>Backtracks over whatever <paramref name="parser"/> consumed if it fails (Superpower's <c>Try</c>).</summary>
    public static TokenListParser<CxrToken, T> Attempt<T>(TokenListParser<CxrToken, T> parser) => parser.Try();
}
