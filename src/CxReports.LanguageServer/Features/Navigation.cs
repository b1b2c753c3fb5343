using System.Text.RegularExpressions;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using CxReports.LanguageServer.Protocol;
using CxReports.LanguageServer.Symbols;
using CxReports.LanguageServer.Workspace;

namespace CxReports.LanguageServer.Features;

/// <summary>Go to definition, find references and rename, across the files of a model, for sources, fields, metrics, scores, scenarios and reports.</summary>
internal static partial class Navigation
{
    public static IReadOnlyList<Location> Definition(EditorModel model, Document document, int offset) =>
        model.Symbols.At(document.Source.Path, offset) is { } occurrence
            ? model.Symbols.OccurrencesOf(occurrence.Key).Where(o => o.IsDefinition).Select(o => LocationOf(model, o.Span)).OfType<Location>().Take(1).ToArray()
            : [];

    public static IReadOnlyList<Location> References(EditorModel model, Document document, int offset, bool includeDeclaration) =>
        model.Symbols.At(document.Source.Path, offset) is { } occurrence
            ? model.Symbols.OccurrencesOf(occurrence.Key).Where(o => includeDeclaration || !o.IsDefinition)
                .Select(o => LocationOf(model, o.Span)).OfType<Location>().ToArray()
            : [];

    /// <summary>The name under the cursor and its range, or null where nothing renamable is written (a keyword, a function).</summary>
    public static (LspRange Range, string Name)? PrepareRename(EditorModel model, Document document, int offset) =>
        model.Symbols.At(document.Source.Path, offset) is { } occurrence
            ? (document.Lines.RangeOf(occurrence.Span.Offset, occurrence.Span.Length), occurrence.Key.Name)
            : null;

    /// <summary>
    /// Every occurrence renamed. A field declared without a file column keeps reading the same column: the old name
    /// is written as its file column (<c>column plan</c> becomes <c>column paket = "plan"</c>).
    /// </summary>
    public static WorkspaceEdit Rename(EditorModel model, Document document, int offset, string newName)
    {
        var index = model.Symbols;
        if (index.At(document.Source.Path, offset) is not { } occurrence)
            throw new RpcException(RpcErrorCodes.RequestFailed, "nothing to rename here: place the cursor on a source, field, metric, score, scenario or report name");
        if (!IsName(newName))
            throw RpcException.InvalidParams($"'{newName}' is not a CXR name: a letter or '_', then letters, digits or '_'");
        var key = occurrence.Key;
        if (newName == key.Name) return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>());
        var taken = key.Kind == SymbolKind.Field ? index.FieldsOf(key.Owner).ContainsKey(newName) : index.Globals.ContainsKey(newName);
        if (taken)
            throw new RpcException(RpcErrorCodes.RequestFailed,
                key.Kind == SymbolKind.Field ? $"source '{key.Owner}' already has a field '{newName}'" : $"'{newName}' is already defined ({index.Globals[newName].Keyword})");

        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        foreach (var o in index.OccurrencesOf(key))
        {
            if (model.ByShownPath(o.Span.File) is not { } file) continue;
            if (!edits.TryGetValue(file.Uri, out var list)) edits[file.Uri] = list = [];
            list.Add(new TextEdit(file.Lines.RangeOf(o.Span.Offset, o.Span.Length), newName));
            if (o.IsDefinition && KeptColumn(index.Definition(key), key.Name) is { } keep)
                list.Add(new TextEdit(file.Lines.RangeOf(keep.Offset, 0), keep.Text));
        }
        return new WorkspaceEdit(edits.ToDictionary(e => e.Key, e => (IReadOnlyList<TextEdit>)e.Value));
    }

    /// <summary>Where to write the old name as the file column, and how, when the field had none.</summary>
    private static (int Offset, string Text)? KeptColumn(SyntaxNode? definition, string oldName) => definition switch
    {
        FieldMember { FileColumn: null } f => ((f.Label?.Span ?? f.Name.Span) is var after ? after.Offset + after.Length : 0, $" = \"{oldName}\""),
        LinkMember { FileColumn: null } l => ((l.Label?.Span ?? l.Name.Span) is var after ? after.Offset + after.Length : 0, $" = {oldName}"),
        _ => null,
    };

    public static Location? LocationOf(EditorModel model, SourceSpan span) =>
        model.ByShownPath(span.File) is { } file ? new Location(file.Uri, file.Lines.RangeOf(span.Offset, span.Length)) : null;

    private static bool IsName(string text) => NamePattern().IsMatch(text);

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*$")]
    private static partial Regex NamePattern();
}
