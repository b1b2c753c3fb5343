namespace CxReports.LanguageServer.Protocol;

// The shapes of the Language Server Protocol this server sends, as records named after the specification's types.

/// <summary>A place in a document: 0-based line and UTF-16 code unit, as the protocol counts.</summary>
internal sealed record Position(int Line, int Character);

/// <summary>From <see cref="Start"/> up to (not including) <see cref="End"/>.</summary>
internal sealed record LspRange(Position Start, Position End);

/// <summary>A range in a document.</summary>
internal sealed record Location(string Uri, LspRange Range);

/// <summary>Replace the range with the text.</summary>
internal sealed record TextEdit(LspRange Range, string NewText);

/// <summary>Edits to several documents, by URI.</summary>
internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

/// <summary>A finding shown in the editor; the hint travels as related information.</summary>
internal sealed record LspDiagnostic(LspRange Range, int Severity, string Code, string Source, string Message,
    IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation);

/// <summary>A note attached to a diagnostic.</summary>
internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

/// <summary>One completion proposal.</summary>
internal sealed record CompletionItem(string Label, int Kind, string? Detail = null, string? Documentation = null)
{
    /// <summary>What replaces the typed text, when more than the word at the cursor must go (inside a string).</summary>
    public TextEdit? TextEdit { get; init; }
}

/// <summary>Hover text in Markdown.</summary>
internal sealed record Hover(MarkupContent Contents, LspRange? Range);

/// <summary>Text in a markup language (<c>markdown</c>).</summary>
internal sealed record MarkupContent(string Kind, string Value);

/// <summary>The signatures of the call around the cursor.</summary>
internal sealed record SignatureHelp(IReadOnlyList<SignatureInformation> Signatures, int ActiveSignature, int ActiveParameter);

/// <summary>One signature with its parameter labels.</summary>
internal sealed record SignatureInformation(string Label, string? Documentation, IReadOnlyList<ParameterInformation> Parameters);

/// <summary>A parameter, labelled by its text in the signature.</summary>
internal sealed record ParameterInformation(string Label, string? Documentation = null);

/// <summary>An entry of a document's outline.</summary>
internal sealed record DocumentSymbol(string Name, string? Detail, int Kind, LspRange Range, LspRange SelectionRange, IReadOnlyList<DocumentSymbol>? Children);

/// <summary>A symbol found by a workspace search.</summary>
internal sealed record SymbolInformation(string Name, int Kind, Location Location, string? ContainerName);

/// <summary>A quick fix.</summary>
internal sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic>? Diagnostics, bool IsPreferred, WorkspaceEdit Edit);

/// <summary>The protocol's numbers for kinds of things.</summary>
internal static class LspKinds
{
    public const int ErrorSeverity = 1, WarningSeverity = 2;

    public const int CompletionFunction = 3, CompletionField = 5, CompletionVariable = 6, CompletionClass = 7,
        CompletionModule = 9, CompletionProperty = 10, CompletionValue = 12, CompletionKeyword = 14, CompletionConstant = 21;

    public const int SymbolFile = 1, SymbolModule = 2, SymbolClass = 5, SymbolProperty = 7, SymbolField = 8,
        SymbolFunction = 12, SymbolVariable = 13, SymbolConstant = 14, SymbolStruct = 23, SymbolEvent = 24;
}
