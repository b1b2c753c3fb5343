using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CxReports.Server.Security;

/// <summary>What a key may do. Each scope includes the ones below it: admin can run, run can read.</summary>
public enum ApiScope { Read = 1, Run = 2, Admin = 3 }

/// <summary>API keys: 256 random bits as <c>cxr_</c> + base64url (47 characters of <c>[A-Za-z0-9_-]</c>), kept only as SHA-256.</summary>
public static class ApiKeys
{
    public const string Prefix = "cxr_";

    public static IReadOnlyList<string> ScopeNames { get; } = ["read", "run", "admin"];

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form: lowercase hex SHA-256 of the key's UTF-8 bytes. A fast hash is enough for 256 random bits.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

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
