using System.Security.Cryptography;
using System.Text;

namespace CxReports.Engine.Loading;

/// <summary>
/// SHA-256 over how a source is read (its recipe: the SQL that builds its table) and the names and
/// bytes of its files: equal hashes mean nothing to reload.
/// </summary>
public static class ContentHash
{
    public static string Of(IReadOnlyList<string> files, string dataRoot, string recipe)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The recipe is part of the version: a new column, type or rule in the .cxr must reload unchanged files.
        hash.AppendData(Encoding.UTF8.GetBytes(recipe + "\n"));
        var buffer = new byte[1 << 20];
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(dataRoot, file) + "\n"));
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, buffer.Length, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
