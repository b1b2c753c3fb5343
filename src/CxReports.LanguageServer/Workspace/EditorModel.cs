using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.LanguageServer.Symbols;

namespace CxReports.LanguageServer.Workspace;

/// <summary>
/// The files of one model, as <c>cxr check</c> groups them: the reports directory, or for a file outside it the
/// files of its own directory. Binding and the symbol index are computed on demand and kept until a file changes.
/// </summary>
internal sealed class EditorModel(string? root)
{
    // Ordered by full path, as ReportFiles reads a directory: which of two equal names counts as the first depends on it.
    private readonly SortedDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private CompiledModel? _compiled;
    private SymbolIndex? _symbols;
    private Dictionary<string, Document>? _byShownPath;

    /// <summary>The directory the model is made of; null for a document that is not a file (an untitled buffer).</summary>
    public string? Root { get; } = root;

    public IEnumerable<Document> Documents => _documents.Values;

    /// <summary>The last model that bound without errors: hover still shows units while the user breaks a file.</summary>
    public SemanticModel? LastGoodModel { get; private set; }

    /// <summary>Goes up with every change of a file, so a binding of older text is not taken for the current one.</summary>
    public int Version { get; private set; }

    public Document? Get(string fullPath) => _documents.GetValueOrDefault(fullPath);

    /// <summary>The document of a path as diagnostics and spans show it.</summary>
    public Document? ByShownPath(string path) =>
        (_byShownPath ??= _documents.Values.GroupBy(d => d.Source.Path).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(path);

    public void Set(Document document)
    {
        _documents[document.FullPath] = document;
        Invalidate();
    }

    public bool Remove(string fullPath)
    {
        if (!_documents.Remove(fullPath)) return false;
        Invalidate();
        return true;
    }

    public CompiledModel Compiled
    {
        get
        {
            if (_compiled is null) Accept(Version, Compile(_documents.Values.ToArray()));
            return _compiled!;
        }
    }

    public SymbolIndex Symbols => _symbols ??= SymbolIndex.Build(_documents.Values.Select(d => d.Parse.Value).ToArray());

    /// <summary>The parsed files as they are now, to bind away from the lock that guards the model.</summary>
    public (int Version, IReadOnlyList<Document> Documents) Snapshot() => (Version, _documents.Values.ToArray());

    /// <summary>Keeps a binding made from a snapshot, unless a file changed since; false then (another binding is due).</summary>
    public bool Accept(int version, CompiledModel compiled)
    {
        if (version != Version) return false;
        _compiled = compiled;
        if (compiled.Model is not null) LastGoodModel = compiled.Model;
        return true;
    }

    private void Invalidate()
    {
        Version++;
        _compiled = null;
        _symbols = null;
        _byShownPath = null;
    }

    /// <summary>Binds the parsed files; the diagnostics are those of <c>ModelBinder.Compile</c>, in the same order.</summary>
    public static CompiledModel Compile(IReadOnlyList<Document> documents)
    {
        var parsed = documents.Select(d => d.Parse).ToArray();
        var bound = ModelBinder.Bind(parsed.Select(p => p.Value).ToArray());
        var diagnostics = parsed.SelectMany(p => p.Diagnostics).Concat(bound.Diagnostics)
            .OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToArray();
        var model = diagnostics.Any(d => d.Severity == Severity.Error) ? null : bound.Model;
        return new CompiledModel(diagnostics.GroupBy(d => d.Span.File).ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)g.ToArray()), model);
    }
}

/// <summary>What binding a model found: the diagnostics by file (as shown in them), and the model when there are no errors.</summary>
internal sealed record CompiledModel(IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> DiagnosticsByFile, SemanticModel? Model)
{
    public IReadOnlyList<Diagnostic> For(string file) => DiagnosticsByFile.GetValueOrDefault(file) ?? [];
}
