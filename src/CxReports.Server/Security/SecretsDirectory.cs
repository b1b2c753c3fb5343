using System.Security.Cryptography;
using CxReports.Engine.Warehouse;
using CxReports.Server.Settings;

namespace CxReports.Server.Security;

/// <summary>
/// The directory of the server's own secrets (the session key ring and the share secret): <c>Cxr:Access:SecretsDirectory</c>,
/// or <c>.cxreports-secrets</c> next to the warehouse file, so that they move, and are backed up, with the warehouse.
/// Made with mode 0700 and its files written 0600: nobody but the server's user may read them.
/// </summary>
public sealed class SecretsDirectory(string path)
{
    public const string DefaultName = ".cxreports-secrets";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static SecretsDirectory For(AccessOptions access, WarehouseOptions warehouse) =>
        new(access.SecretsDirectory ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(warehouse.DatabaseFile)!, DefaultName));

    /// <summary>
    /// The directory, made owner-only if missing. One that exists keeps its mode: a directory an operator named may be
    /// shared on purpose, and the files in it are owner-only either way.
    /// </summary>
    public DirectoryInfo Ensure() =>
        Directory.Exists(Path) || OperatingSystem.IsWindows() ? Directory.CreateDirectory(Path) : Directory.CreateDirectory(Path, OwnerOnlyDirectory);

    /// <summary>
    /// Replaces <paramref name="name"/> with <paramref name="bytes"/> random bytes (base64): written owner-only to a
    /// temporary file and moved over the old one, so a reader sees the old secret or the new one, never half of one.
    /// </summary>
    public string WriteRandom(string name, int bytes)
    {
        Ensure();
        var target = System.IO.Path.Combine(Path, name);
        var temporary = target + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
