using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CxReports.Server.Security;

/// <summary>What a share link opens: one report with fixed parameters (from and to among them), until it expires.</summary>
public sealed record ShareGrant(string Report, IReadOnlyDictionary<string, string> Parameters, DateTimeOffset ExpiresAt);

/// <summary>Whether a share token opens its report: a grant, or why not (expired, or not a link this server signed).</summary>
public sealed record ShareCheck(ShareGrant? Grant, bool Expired);

/// <summary>
/// Share tokens: <c>base64url(payload) "." base64url(HMAC-SHA256)</c>, the payload a small JSON object of the report,
/// its parameters (sorted by name) and the expiry in Unix seconds, the MAC over <c>cxr-share-v1.</c> and the encoded
/// payload with the <see cref="ShareSecret"/>. The MAC is compared as text in constant time: comparing decoded bytes
/// would let the unused bits of the last base64 character change without notice.
/// </summary>
public sealed class ShareLinks(ShareSecret secret)
{
    /// <summary>Longest token minted or read: a link must fit in a URL any proxy passes.</summary>
    public const int MaxTokenLength = 2000;

    private const string Purpose = "cxr-share-v1.";

    /// <summary>The token of a grant; null when its parameters make it longer than <see cref="MaxTokenLength"/>.</summary>
    public string? Mint(ShareGrant grant)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("r", grant.Report);
            json.WriteStartObject("p");
            foreach (var (name, value) in grant.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteNumber("e", grant.ExpiresAt.ToUnixTimeSeconds());
            json.WriteEndObject();
        }
        var payload = Base64Url.EncodeToString(buffer.ToArray());
        var token = $"{payload}.{Mac(payload)}";
        return token.Length <= MaxTokenLength ? token : null;
    }

    /// <summary>The grant of a token this server signed; expired when its time has come at <paramref name="now"/>.</summary>
    public ShareCheck Open(string token, DateTimeOffset now)
    {
        var invalid = new ShareCheck(null, false);
        if (token.Length > MaxTokenLength || token.Split('.') is not [var payload, var mac] || payload.Length == 0) return invalid;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(payload)), Encoding.UTF8.GetBytes(mac))) return invalid;
        var grant = Read(payload);
        if (grant is null) return invalid;
        return grant.ExpiresAt <= now ? new ShareCheck(null, true) : new ShareCheck(grant, false);
    }

    private string Mac(string payload) => Base64Url.EncodeToString(HMACSHA256.HashData(secret.Current(), Encoding.ASCII.GetBytes(Purpose + payload)));

    /// <summary>The grant of a signed payload; null only if this server once signed something else (an older format).</summary>
    private static ShareGrant? Read(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            var root = json.RootElement;
            var parameters = root.GetProperty("p").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            return new ShareGrant(root.GetProperty("r").GetString()!, parameters, DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("e").GetInt64()));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
