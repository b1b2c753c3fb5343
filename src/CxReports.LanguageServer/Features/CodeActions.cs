using System.Text.RegularExpressions;
using CxReports.Dsl.Binding;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>Quick fixes that apply a diagnostic's did-you-mean hint: the misspelt name (or quoted value) replaced by the suggestion.</summary>
internal static partial class CodeActions
{
    public static IReadOnlyList<CodeAction> For(EditorModel model, Document document, LspRange range)
    {
        var from = document.Lines.OffsetOf(range.Start);
        var to = document.Lines.OffsetOf(range.End);
        var actions = new List<CodeAction>();
        foreach (var diagnostic in model.Compiled.For(document.Source.Path))
        {
            if (diagnostic.Hint is not { } hint || Suggestion().Match(hint) is not { Success: true } match) continue;
            var lsp = DiagnosticConversion.ToLsp(diagnostic, document);
            var start = document.Lines.OffsetOf(lsp.Range.Start);
            var end = document.Lines.OffsetOf(lsp.Range.End);
            if (end < from || start > to) continue;
            var suggestion = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["text"].Value;
            if (Replacement(document.Text[start..end], suggestion, quoted: !match.Groups["name"].Success) is not { } edit) continue;
            var editRange = document.Lines.RangeOf(start + edit.Offset, edit.Length);
            actions.Add(new CodeAction($"Change to {(match.Groups["name"].Success ? $"'{suggestion}'" : $"\"{suggestion}\"")}", "quickfix", [lsp], IsPreferred: true,
                new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [document.Uri] = [new TextEdit(editRange, edit.Text)] })));
        }
        return actions;
    }

    /// <summary>
    /// What to replace inside the diagnostic's text: all of a name, the closest segment of a dotted path
    /// (<c>responses.scroe</c>), or a string with its quotes; null when the text is neither.
    /// </summary>
    private static (int Offset, int Length, string Text)? Replacement(string written, string suggestion, bool quoted)
    {
        if (quoted) return written.StartsWith('"') ? (0, written.Length, $"\"{suggestion}\"") : null;
        if (written.Length == 0 || !written.All(c => CompletionContext.IsNamePart(c) || c == '.')) return null;
        var segments = written.Split('.');
        if (segments.Length == 1) return (0, written.Length, suggestion);
        var closest = DidYouMean.Suggest(suggestion, segments) ?? segments[^1];
        var at = Array.LastIndexOf(segments, closest);
        var offset = segments.Take(at).Sum(s => s.Length + 1);
        return (offset, closest.Length, suggestion);
    }

    [GeneratedRegex("did you mean (?:'(?<name>[^']+)'|\"(?<text>[^\"]+)\")\\?")]
    private static partial Regex Suggestion();
}
