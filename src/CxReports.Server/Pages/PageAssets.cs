using System.Collections.Frozen;
using System.Security.Cryptography;

namespace CxReports.Server.Pages;

/// <summary>
/// The pages' static files (stylesheet, scripts, the vendored chart library and its licence), embedded in cxr so a
/// server needs no web root and nothing comes from a CDN. A fixed set by name: no path reaches the file system.
/// Addressed with a content hash (<see cref="Url"/>), so browsers may keep them for a year.
/// </summary>
public static class PageAssets
{
    private const string Prefix = "cxr.assets.";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>A served file: its bytes, media type and content hash (also its ETag).</summary>
    public sealed record Asset(byte[] Content, string ContentType, string Hash);

    public static Asset? Find(string name) => Assets.GetValueOrDefault(name);

    /// <summary>"/assets/cxr.css?v=HASH": the address that changes when the file does.</summary>
    public static string Url(string name) => $"/assets/{name}?v={Assets[name].Hash}";

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[Prefix.Length..],
            n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var content = copy.ToArray();
                return new Asset(content, ContentTypeOf(n), Convert.ToHexStringLower(SHA256.HashData(content))[..16]);
            },
            StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
