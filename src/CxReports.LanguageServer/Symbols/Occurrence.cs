using CxReports.Dsl.Text;

namespace CxReports.LanguageServer.Symbols;

/// <summary>One place a symbol's name is written: where it is defined, or a use resolved to that definition.</summary>
internal sealed record Occurrence(SymbolKey Key, SourceSpan Span, bool IsDefinition);

/// <summary>A function name written in a call (<c>nps</c> in <c>nps(responses.score)</c>).</summary>
internal sealed record CallUse(string Function, SourceSpan Span);
