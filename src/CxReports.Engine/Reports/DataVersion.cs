using System.Security.Cryptography;
using System.Text;

namespace CxReports.Engine.Reports;

/// <summary>
/// A short fingerprint of the loaded data of some sources (each source's content hash as the load log records it):
/// changes whenever any of their content does. The <c>dataVersion</c> a document states and the version the server
/// keys cached results by are this one function, so they cannot disagree.
/// </summary>
public static class DataVersion
{
    public static string Of(IEnumerable<string> sources, Func<string, string?> contentHash)
    {
        var lines = sources.Order(StringComparer.Ordinal).Select(s => $"{s}:{contentHash(s)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..12];
    }
}
