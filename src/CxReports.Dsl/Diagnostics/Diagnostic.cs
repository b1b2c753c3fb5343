using CxReports.Dsl.Text;

namespace CxReports.Dsl.Diagnostics;

/// <summary>One finding about CXR text: a value, never an exception.</summary>
public sealed record Diagnostic(DiagnosticCode Code, SourceSpan Span, string Message, string? Hint = null)
{
    public Severity Severity => Code.Severity;

    /// <summary>The first line of the compiler-style rendering: <c>file:line:col: error CXR010: message</c>.</summary>
    public string Headline =>
        $"{Span.File}:{Span.Line}:{Span.Column}: {(Severity == Severity.Error ? "error" : "warning")} {Code.Id}: {Message}";

    public override string ToString() => Headline;
}
