using CxReports.Dsl.Diagnostics;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>
/// A CXR diagnostic as the protocol shows it: the range <c>cxr check</c> puts its caret under (its line and column,
/// its length), code, severity, message, and the hint as related information.
/// </summary>
internal static class DiagnosticConversion
{
    public static LspDiagnostic ToLsp(Diagnostic diagnostic, Document document)
    {
        var range = RangeOf(diagnostic, document);
        return new LspDiagnostic(range,
            diagnostic.Severity == Severity.Error ? LspKinds.ErrorSeverity : LspKinds.WarningSeverity,
            diagnostic.Code.Id, "cxr", diagnostic.Message,
            diagnostic.Hint is { } hint ? [new DiagnosticRelatedInformation(new Location(document.Uri, range), hint)] : null);
    }

    public static LspRange RangeOf(Diagnostic diagnostic, Document document)
    {
        var start = document.Lines.OffsetOf(new Position(Math.Max(0, diagnostic.Span.Line - 1), Math.Max(0, diagnostic.Span.Column - 1)));
        var end = Math.Min(start + Math.Max(0, diagnostic.Span.Length), document.Text.Length);
        return document.Lines.RangeOf(start, end - start);
    }
}
