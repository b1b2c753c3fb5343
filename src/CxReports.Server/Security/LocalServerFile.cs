using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CxReports.Server.Security;

/// <summary>
/// The file a listening <c>cxr serve</c> keeps next to its warehouse (<c>&lt;warehouse&gt;.server.json</c>) so that
/// <c>cxr</c> commands on the same warehouse go through it instead of failing on the file lock: where it listens, its
/// process id, when it started, and the secret that admits forwarded commands. Readable by its user only.
/// </summary>
public sealed record LocalServerFile(string Address, int ProcessId, DateTimeOffset StartedAt, string Secret)
{
    /// <summary>Larger than any file a server writes: anything bigger is not one, and is not read whole.</summary>
    private const int MaxBytes = 4096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where the server on <paramref name="databaseFile"/> keeps its file.</summary>
    public static string PathFor(string databaseFile) => Path.GetFullPath(databaseFile) + ".server.json";

    /// <summary>A new secret: 256 random bits, base64url.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Writes the file mode 0600 under a temporary name and renames it into place, so a reader sees the whole file
    /// or none, and never a moment in which others may read the secret.
    /// </summary>
    public void Write(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options)) JsonSerializer.Serialize(stream, this, Json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file at <paramref name="path"/>; null when there is none, it is not one a server wrote, or others may read it.</summary>
    public static LocalServerFile? Read(string path)
    {
        try
        {
            // A secret others could read admits them too: such a file was not written by a server, or was tampered with.
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0) return null;
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxBytes) return null;
            var file = JsonSerializer.Deserialize<LocalServerFile>(stream, Json);
            return file is { Address.Length: > 0, Secret.Length: > 0, ProcessId: > 0 } && Uri.TryCreate(file.Address, UriKind.Absolute, out _) ? file : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file at <paramref name="path"/> if it is still this one (another server may have replaced it).</summary>
    public void DeleteIfOurs(string path)
    {
        if (Read(path) is { } current && current.ProcessId == ProcessId && Admits(current.Secret)) File.Delete(path);
    }

    /// <summary>Whether <paramref name="given"/> is this server's secret, compared in constant time.</summary>
    public bool Admits(string? given) => SameSecret(given, Secret);

    /// <summary>Whether <paramref name="given"/> is <paramref name="secret"/>, in a time that does not tell how much of it matched.</summary>
    public static bool SameSecret(string? given, string secret) => given is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
}
