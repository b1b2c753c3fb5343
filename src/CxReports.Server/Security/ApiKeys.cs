using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace CxReports.Server.Security;

/// <summary>What a key may do. Each scope includes the ones below it: admin can run, run can read.</summary>
public enum ApiScope { Read = 1, Run = 2, Admin = 3 }

/// <summary>API keys: 256 random bits as <c>cxr_</c> + base64url (47 characters of <c>[A-Za-z0-9_-]</c>), kept only as SHA-256.</summary>
public static class ApiKeys
{
    public const string Prefix = "cxr_";

    public static IReadOnlyList<string> ScopeNames { get; } = ["read", "run", "admin"];

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Hex digits of a stored hash.</summary>
    public const int HashLength = 2 * SHA256.HashSizeInBytes;

    /// <summary>The stored form: lowercase hex SHA-256 of the key's UTF-8 bytes. A fast hash is enough for 256 random bits.</summary>
    public static string Hash(string key)
    {
        Span<char> hex = stackalloc char[HashLength];
        Hash(key, hex);
        return new string(hex);
    }

    /// <summary>
    /// The stored form of <paramref name="key"/> written into <paramref name="hex"/> (<see cref="HashLength"/> characters),
    /// on the stack for a key of any ordinary length: every authenticated request hashes its key.
    /// </summary>
    public static void Hash(ReadOnlySpan<char> key, Span<char> hex)
    {
        var length = Encoding.UTF8.GetByteCount(key);
        var utf8 = length <= 256 ? stackalloc byte[256] : new byte[length];
        Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var sha256 = t_sha256 ??= new Sha256Digest();
        sha256.BlockUpdate(utf8[..length]);
        sha256.DoFinal(digest);
        Convert.TryToHexStringLower(digest, hex, out _);
    }

    /// <summary>
    /// One SHA-256 per thread, reused: .NET's <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> goes to OpenSSL,
    /// whose per-call setup (a context made and freed, the error queue cleared) costs a key 700 ns, twice the whole hash
    /// here. <c>DoFinal</c> resets the digest and clears its buffers, so nothing of a key stays in it between requests.
    /// </summary>
    [ThreadStatic]
    private static Sha256Digest? t_sha256;

    public static string Name(this ApiScope scope) => scope.ToString().ToLowerInvariant();

    public static ApiScope? ParseScope(string text) => text switch
    {
        "read" => ApiScope.Read,
        "run" => ApiScope.Run,
        "admin" => ApiScope.Admin,
        _ => null,
    };

    /// <summary>The scopes a key of <paramref name="scope"/> holds: itself and every lower one.</summary>
    public static IEnumerable<ApiScope> Granted(ApiScope scope) => Enum.GetValues<ApiScope>().Where(s => s <= scope);
}
