namespace CxReports.Dsl.Text;

/// <summary>Finds and reads the <c>.cxr</c> files named on a command line or in a reports directory.</summary>
public static class ReportFiles
{
    /// <summary>
    /// Every <c>.cxr</c> file under each directory (recursively) and each file named, in a stable order, with
    /// paths read from and shown relative to <paramref name="baseDirectory"/>, so diagnostics read like the user
    /// typed them.
    /// </summary>
    public static IReadOnlyList<SourceFile> Read(IEnumerable<string> paths, string baseDirectory)
    {
        var root = Path.GetFullPath(baseDirectory);
        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, root);
            if (Directory.Exists(full))
                files.AddRange(Directory.EnumerateFiles(full, "*.cxr", SearchOption.AllDirectories));
            else if (File.Exists(full))
                files.Add(full);
            else
                throw new FileNotFoundException($"no such file or directory: {path}", path);
        }
        return files
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Relative(f, root), File.ReadAllText(f)))
            .ToArray();
    }

    private static string Relative(string path, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
