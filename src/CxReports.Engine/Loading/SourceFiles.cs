using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Engine.Loading;

/// <summary>
/// The files a source reads: its path resolved under the data directory, wildcards (<c>*</c>, <c>?</c>) allowed in
/// the file name, sorted. The path must pass <see cref="PathPolicy"/>, and every file must really lie inside the data
/// directory (a symbolic link may not lead out).
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

        if (PathPolicy.Problem(source.Path, PathPolicy.DataDirectory) is { } problem)
            return ([], new Diagnostic(LoadCodes.OutsideData, at, $"source '{source.Name}': \"{source.Path}\": {problem}"));
        if (!PathPolicy.IsInside(directory, Path.GetFullPath(dataRoot)))
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

        var realRoot = PathPolicy.RealPath(dataRoot);
        foreach (var file in files)
        {
            var shown = Path.GetRelativePath(dataRoot, file);
            string real;
            try
            {
                real = PathPolicy.RealPath(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ([], new Diagnostic(LoadCodes.OutsideData, at with { File = shown }, $"source '{source.Name}': {shown} cannot be resolved: {e.Message}"));
            }
            if (!PathPolicy.IsInside(real, realRoot))
                return ([], new Diagnostic(LoadCodes.OutsideData, at with { File = shown }, $"source '{source.Name}': {shown} links to {real}, outside the data directory"));
        }
        return (files, null);
    }
}
