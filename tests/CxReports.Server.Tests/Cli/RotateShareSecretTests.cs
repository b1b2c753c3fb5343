using CxReports.Server.Security;

namespace CxReports.Server.Tests.Cli;

public sealed class RotateShareSecretTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-share-secret-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Rotate_share_secret_writes_a_new_owner_only_secret_next_to_the_warehouse()
    {
        var file = Path.Combine(_data, SecretsDirectory.DefaultName, ShareSecret.FileName);
        var (exit, stdout, stderr) = CliRunner.Run(_data, "keys", "rotate-share-secret", "--data", _data);
        Assert.True(exit == 0, stderr);
        Assert.Equal($"share links minted before are revoked: new secret in {file}\n", stdout);
        var first = File.ReadAllText(file);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));

        Assert.Equal(0, CliRunner.Run(_data, "keys", "rotate-share-secret", "--data", _data).Exit);
        Assert.NotEqual(first, File.ReadAllText(file));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(file)).Length);
    }
}
