using CxReports.Dsl.Binding.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Engine.Loading;

/// <summary>
/// The files a source reads: its path resolved under the data directory, wildcards (<c>*</c>, <c>?</c>) allowed in
/// the file name, sorted. Every file must really lie inside the data directory (a symbolic link may not lead out).
/// </summary>
public static class SourceFiles
{
    public static (IReadOnlyList<string> Files, Diagnostic? Problem) Resolve(SourceModel source, string dataRoot)
    {
        var relative = source.Path.Replace('\\', '/');
        var directory = Path.GetFullPath(Path.Combine(dataRoot, Path.GetDirectoryName(relative) ?? ""));
        var pattern = Path.GetFileName(relative);
        // Named as written, relative to the data directory, like every other load diagnostic.
        var at = new SourceSpan(relative, 0, 1, 1, 0);

        if (!IsInside(directory, dataRoot))
            return ([], new Diagnostic(LoadCodes.OutsideData, at, $"source '{source.Name}': \"{source.Path}\" leaves the data directory"));
        if (directory.Contains('*') || directory.Contains('?'))
            return ([], new Diagnostic(LoadCodes.FileNotFound, at, $"source '{source.Name}': wildcards are allowed in the file name only, not in \"{Path.GetDirectoryName(relative)}\""));

        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, pattern, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
            return ([], new Diagnostic(LoadCodes.FileNotFound, at,
                pattern.IndexOfAny(['*', '?']) >= 0
                    ? $"source '{source.Name}': no file matches \"{source.Path}\" in {dataRoot}"
                    : $"source '{source.Name}': file \"{source.Path}\" not found in {dataRoot}"));

        var realRoot = RealPath(dataRoot);
        foreach (var file in files)
        {
            var real = RealPath(file);
            var shown = Path.GetRelativePath(dataRoot, file);
            if (!IsInside(real, realRoot))
                return ([], new Diagnostic(LoadCodes.OutsideData, at with { File = shown }, $"source '{source.Name}': {shown} links to {real}, outside the data directory"));
        }
        return (files, null);
    }

    /// <summary>
    /// The path with every symbolic link on it followed, folders included: a linked folder (<c>faturalar</c> -> /elsewhere)
    /// leads out as surely as a linked file, and the link target may itself lie under links.
    /// </summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var real = Path.GetPathRoot(full)!;
        foreach (var part in full[real.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            real = entry.LinkTarget is null ? next : RealPath(entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next);
        }
        return real;
    }

    private static bool IsInside(string path, string root)
    {
        var normalizedRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(normalizedRoot, StringComparison.Ordinal);
    }
}
