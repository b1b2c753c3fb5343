using System.Security.Cryptography;
using System.Text;

namespace CxReports.Server.Delivery;

/// <summary>
/// The webhook signature: <c>sha256=</c> hex HMAC-SHA256 over <c>timestamp + "." + body</c> with the shared secret,
/// sent with the timestamp so receivers can refuse replays. Receivers recompute and compare in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CxReports-Signature";
    public const string TimestampHeader = "X-CxReports-Timestamp";

    public static string Sign(string secret, long timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        hmac.TransformBlock(prefix, 0, prefix.Length, null, 0);
        hmac.TransformFinalBlock(body, 0, body.Length);
        return "sha256=" + Convert.ToHexStringLower(hmac.Hash!);
    }

    public static bool Verify(string secret, long timestamp, byte[] body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
