using System.Text.RegularExpressions;

namespace CxReports.Dsl.Text;

/// <summary>
/// Keeps every path the product reads or writes inside its root (the data directory, the output root): a path as
/// written is checked when the model is bound (<see cref="Problem"/>), and again when it is resolved on disk
/// (<see cref="Resolve"/>), with every symbolic link on the way followed.
/// </summary>
public static partial class PathPolicy
{
    public const string DataDirectory = "data directory";
    public const string OutputRoot = "output root";

    /// <summary>Longest path accepted as written; far below PATH_MAX (4096), so a filled-in pattern still fits.</summary>
    public const int MaxLength = 1024;

    /// <summary>Longest file or folder name (NAME_MAX of common file systems, counted in characters).</summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// Why a relative path as written could leave <paramref name="root"/> (or not name a file at all), or null.
    /// Delivery patterns are checked with their placeholders unexpanded: <c>{report}</c> becomes an identifier,
    /// <c>{date}</c> and <c>{period}</c> become digits, dashes and an underscore, so no expansion can add a
    /// separator, a control character or a <c>.</c>/<c>..</c> name, or empty a name: what holds for the pattern
    /// holds for every file name made from it.
    /// </summary>
    public static string? Problem(string path, string root)
    {
        if (path.Length == 0) return "the path is empty";
        foreach (var c in path)
            if (char.IsControl(c))
                return $"the path contains the control character U+{(int)c:X4}; write printable names only";
        if (path.Length > MaxLength) return $"the path is {path.Length} characters long; at most {MaxLength} are allowed";
        // A drive letter first: "C:x" is relative to drive C's current folder, not a URL with scheme "C".
        if (path.StartsWith('/') || path.StartsWith('\\') || path.StartsWith('~') || DriveRegex().IsMatch(path))
            return $"absolute paths are not allowed: write the path relative to the {root}";
        if (SchemeRegex().IsMatch(path))
            return root == DataDirectory
                ? "URLs are not allowed: a source reads files inside the data directory"
                : $"URLs are not allowed: write the path relative to the {root}";
        var names = path.Split('/', '\\');
        if (names.Any(name => name == "..")) return $"'..' would leave the {root}";
        if (names.Any(name => name.Length == 0)) return "a folder or file name is empty ('//' or a trailing '/'); remove the extra '/'";
        if (names.FirstOrDefault(name => name.Length > MaxNameLength) is { } tooLong)
            return $"the name \"{tooLong[..20]}…\" is {tooLong.Length} characters long; at most {MaxNameLength} are allowed";
        return null;
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="root"/>, or why it is refused: it must pass
    /// <see cref="Problem"/>, and with every symbolic link followed (of the deepest existing folder and of the target
    /// itself if it exists) it must still lie under the real root.
    /// </summary>
    public static (string? FullPath, string? Problem) Resolve(string root, string relative, string rootName)
    {
        if (Problem(relative, rootName) is { } problem) return (null, $"\"{relative}\": {problem}");
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (!IsInside(full, fullRoot)) return (null, $"\"{relative}\" leaves the {rootName} {fullRoot}");
        try
        {
            var real = RealPath(full);
            var realRoot = RealPath(fullRoot);
            if (!IsInside(real, realRoot))
                return (null, $"\"{relative}\" leads through a symbolic link to {real}, outside the {rootName} {realRoot}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A link loop ("too many levels of symbolic links") or an unreadable folder: nothing proves the path stays inside.
            return (null, $"\"{relative}\" cannot be resolved inside the {rootName}: {e.Message}");
        }
        return (full, null);
    }

    /// <summary>
    /// The path with every symbolic link on it followed, folders included: a linked folder (<c>faturalar</c> -> /elsewhere)
    /// leads out as surely as a linked file, and the link target may itself lie under links. Parts that do not exist
    /// yet are kept as written. Throws <see cref="IOException"/> on a link loop.
    /// </summary>
    public static string RealPath(string path)
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

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies under it (both full paths).</summary>
    public static bool IsInside(string path, string root)
    {
        var normalizedRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(normalizedRoot, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\\/])")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"^[A-Za-z]:")]
    private static partial Regex DriveRegex();
}
