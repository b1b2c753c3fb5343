namespace CxReports.LanguageServer.Symbols;

/// <summary>What kind of thing a name names: a model-wide declaration, or a field of a source.</summary>
internal enum SymbolKind { Source, Metric, Score, Scenario, Report, Field }

/// <summary>
/// The identity of a symbol across files: a declaration by its name (<see cref="Owner"/> empty), a field by its
/// source and name (a metric may share a field's name, so the owner tells them apart).
/// </summary>
internal readonly record struct SymbolKey(SymbolKind Kind, string Owner, string Name)
{
    public static SymbolKey Global(SymbolKind kind, string name) => new(kind, "", name);

    public static SymbolKey Field(string source, string name) => new(SymbolKind.Field, source, name);
}
