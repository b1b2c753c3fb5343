using CxReports.Dsl.Text;

namespace CxReports.LanguageServer.Workspace;

/// <summary>
/// Every model the editor has touched, with open documents' unsaved text in place of the file on disk. A file
/// under the reports directory belongs to its model; any other file to the model of its own directory, as
/// <c>cxr check FILE</c> reads it.
/// </summary>
internal sealed class ReportsWorkspace(string workingDirectory, TextWriter log)
{
    private readonly Dictionary<string, EditorModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _openUris = new(StringComparer.Ordinal);

    /// <summary>The reports directory (full path), once known.</summary>
    public string? ReportsRoot { get; set; }

    public IEnumerable<EditorModel> Models => _models.Values;

    /// <summary>The model a file belongs to, read from disk the first time it is needed.</summary>
    public EditorModel ModelOf(string fullPath)
    {
        var root = RootOf(fullPath);
        return ModelAt(root, root ?? fullPath);
    }

    private EditorModel ModelAt(string? root, string key)
    {
        if (_models.TryGetValue(key, out var model)) return model;
        model = new EditorModel(root);
        if (root is not null) Load(model, root);
        _models[key] = model;
        return model;
    }

    /// <summary>The reports directory's model, loaded at start so its diagnostics show before any file is opened.</summary>
    public EditorModel? ReportsModel => ReportsRoot is null ? null : ModelAt(ReportsRoot, ReportsRoot);

    /// <summary>Whether the model speaks for the file: a directory model also reads the files below it, which may belong to the reports model.</summary>
    public bool Owns(EditorModel model, string fullPath) => model.Root == RootOf(fullPath);

    public Document? Find(string uri) => PathOf(uri) is { } path ? ModelOf(path).Get(path) : null;

    public (EditorModel Model, Document Document) Open(string uri, string text)
    {
        var path = PathOf(uri) ?? uri;
        _openUris[path] = uri;
        return Put(path, text);
    }

    public (EditorModel Model, Document Document) Change(string uri, string text) => Put(PathOf(uri) ?? uri, text);

    /// <summary>Closes a document: the file on disk takes its place again, or it leaves the model when it no longer exists.</summary>
    public EditorModel Close(string uri)
    {
        var path = PathOf(uri) ?? uri;
        _openUris.Remove(path);
        return Reread(path);
    }

    /// <summary>A file changed, appeared or went away on disk; an open document keeps the editor's text.</summary>
    public EditorModel? FileChanged(string uri)
    {
        if (PathOf(uri) is not { } path || _openUris.ContainsKey(path)) return null;
        return Reread(path);
    }

    /// <summary>Drops directory models without open documents (a file outside the reports directory was closed).</summary>
    public IReadOnlyList<EditorModel> DropUnused()
    {
        var unused = _models.Where(m => m.Value.Root != ReportsRoot && !m.Value.Documents.Any(d => _openUris.ContainsKey(d.FullPath))).ToArray();
        foreach (var (key, _) in unused) _models.Remove(key);
        return unused.Select(u => u.Value).ToArray();
    }

    public string UriOf(string fullPath) =>
        _openUris.TryGetValue(fullPath, out var uri) ? uri : Path.IsPathRooted(fullPath) ? new Uri(fullPath).AbsoluteUri : fullPath;

    private (EditorModel, Document) Put(string path, string text)
    {
        var model = ModelOf(path);
        var document = new Document(path, UriOf(path), new SourceFile(DisplayPath(path), text));
        model.Set(document);
        return (model, document);
    }

    private EditorModel Reread(string path)
    {
        var model = ModelOf(path);
        if (!path.EndsWith(".cxr", StringComparison.Ordinal) || !File.Exists(path))
        {
            model.Remove(path);
            return model;
        }
        try
        {
            model.Set(new Document(path, UriOf(path), new SourceFile(DisplayPath(path), File.ReadAllText(path))));
        }
        catch (IOException e)
        {
            log.WriteLine($"cxr lsp: cannot read {path}: {e.Message}");
            model.Remove(path);
        }
        return model;
    }

    private void Load(EditorModel model, string root)
    {
        if (!Directory.Exists(root)) return;
        try
        {
            foreach (var file in ReportFiles.Read([root], workingDirectory))
            {
                var full = Path.GetFullPath(file.Path, workingDirectory);
                if (!_openUris.ContainsKey(full)) model.Set(new Document(full, UriOf(full), file));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"cxr lsp: cannot read the reports in {root}: {e.Message}");
        }
    }

    private string? RootOf(string fullPath)
    {
        if (!Path.IsPathRooted(fullPath)) return null;
        if (ReportsRoot is not null && fullPath.StartsWith(ReportsRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return ReportsRoot;
        return Path.GetDirectoryName(fullPath);
    }

    /// <summary>The path diagnostics show: relative to the server's directory when under it, as <c>cxr check</c> prints it.</summary>
    private string DisplayPath(string fullPath)
    {
        if (!Path.IsPathRooted(fullPath)) return fullPath;
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    /// <summary>The full path of a <c>file:</c> URI; null for other schemes (an untitled buffer is a model of its own).</summary>
    public static string? PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : null;
}
