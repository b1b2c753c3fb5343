using System.Security.Cryptography;
using System.Text;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// A PostgreSQL SCRAM-SHA-256 password verifier (RFC 5802/7677, as <c>pg_authid.rolpassword</c> stores it), so a
/// role's password is set without the password itself ever reaching the server or its statement log.
/// </summary>
public static class ScramVerifier
{
    public const int Iterations = 4096;

    public static string For(string password, byte[] salt)
    {
        // PostgreSQL SASLpreps the password; the generated ones are plain ASCII, which SASLprep leaves unchanged.
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
