namespace CxReports.Dsl.Text;

/// <summary>Finds and reads the <c>.cxr</c> files named on a command line or in a reports directory.</summary>
public static class ReportFiles
{
    /// <summary>
    /// Every <c>.cxr</c> file under each directory (recursively) and each file named, in a stable order, with
    /// paths shown relative to <paramref name="baseDirectory"/> so diagnostics read like the user typed them.
    /// </summary>
    public static IReadOnlyList<SourceFile> Read(IEnumerable<string> paths, string baseDirectory)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.cxr", SearchOption.AllDirectories));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new FileNotFoundException($"no such file or directory: {path}", path);
        }
        return files
            .Select(f => Path.GetFullPath(f))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Relative(f, baseDirectory), File.ReadAllText(f)))
            .ToArray();
    }

    private static string Relative(string path, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
