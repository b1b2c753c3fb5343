using CxReports.Dsl.Formatting;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary><c>cxr fmt</c> as an edit: the whole text replaced by its canonical layout; no edit when it is already formatted.</summary>
internal static class Formatting
{
    /// <summary>The edits, or null when the file has syntax errors (formatting half-read text would lose it, as <c>cxr fmt</c> refuses).</summary>
    public static IReadOnlyList<TextEdit>? Edits(Document document)
    {
        if (document.Parse.HasErrors) return null;
        var formatted = CxrFormatter.Format(document.Parse.Value);
        return formatted == document.Text.ReplaceLineEndings("\n") ? [] : [new TextEdit(document.Lines.Whole, formatted)];
    }
}
