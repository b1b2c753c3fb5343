namespace CxReports.Server.Host;

/// <summary>
/// Whether a data directory already holds someone's data, which decides if the server may write the demo dataset into
/// it. Only files a user put there count: the product's own files (the warehouse and its write-ahead log, the running
/// server's announcement file, the secrets folder and any other hidden entry) do not, so creating a key before the first
/// start (which creates <c>.cxreports-secrets</c>) still gets the demo.
/// </summary>
public static class DataDirectoryContents
{
    private static readonly string[] OwnSuffixes = [".duckdb", ".duckdb.wal", ".server.json"];

    /// <summary>True when <paramref name="directory"/> has a file, outside hidden folders, that the product did not write.</summary>
    public static bool HoldsData(string directory)
    {
        if (!Directory.Exists(directory)) return false;
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(directory, file))
            .Any(relative => !IsHidden(relative) && !OwnSuffixes.Any(suffix => relative.EndsWith(suffix, StringComparison.Ordinal)));
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
