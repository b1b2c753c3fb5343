namespace CxReports.Server.Security;

/// <summary>
/// The key share links are signed with: 32 random bytes in <c>share-secret</c> of the <see cref="SecretsDirectory"/>,
/// made on first use. Replacing the file (<c>cxr keys rotate-share-secret</c>, or deleting it) revokes every link
/// minted before; the server reads the file for every link it mints or opens, so no restart is needed.
/// </summary>
public sealed class ShareSecret(SecretsDirectory directory, ILogger<ShareSecret> log)
{
    public const string FileName = "share-secret";
    private const int Bytes = 32;

    private readonly Lock _lock = new();

    /// <summary>
    /// The secret as the file holds it now. Read on every call (a few dozen bytes), so a rotation takes effect at once,
    /// whatever the file system's timestamps can tell apart.
    /// </summary>
    public byte[] Current()
    {
        var file = Path.Combine(directory.Path, FileName);
        lock (_lock)
        {
            if (!File.Exists(file)) Rotate(directory);
            if (Read(file) is { } key) return key;
            // Nothing can be verified against a damaged secret; a new one at least lets new links work.
            log.LogWarning("the share secret '{File}' is not {Bytes} bytes of base64: a new one is made, and share links minted before stop working", file, Bytes);
            Rotate(directory);
            return Read(file)!;
        }
    }

    /// <summary>Writes a new secret, so that every share link minted with the old one stops working.</summary>
    public static string Rotate(SecretsDirectory directory) => directory.WriteRandom(FileName, Bytes);

    private static byte[]? Read(string file)
    {
        try
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim()) is { Length: >= Bytes } key ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
