using CxReports.Engine.Warehouse;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Cli;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-keys-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Keys_create_prints_the_key_alone_on_the_last_line_and_stores_only_its_hash()
    {
        var (exit, stdout, stderr) = CliRunner.Run(_data, "keys", "create", "--scope", "run", "--data", _data);
        Assert.True(exit == 0, stderr);
        var key = stdout.TrimEnd('\n').Split('\n').Last();
        Assert.Matches("^[A-Za-z0-9_-]{32,}$", key);
        Assert.Contains("shown once", stderr);

        using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_data));
        var stored = Assert.Single(ApiKeyTable.All(warehouse));
        Assert.Equal((ApiKeys.Hash(key), ApiScope.Run), (stored.Hash, stored.Scope));
        Assert.Equal(0, warehouse.Scalar<long>($"SELECT count(*) FROM {ApiKeyTable.Table} WHERE hash = $1 OR id = $1 OR scope = $1", key));
    }

    [Fact]
    public void Keys_list_shows_id_scope_and_creation_and_revoke_deletes_by_id()
    {
        var (_, first, _) = CliRunner.Run(_data, "keys", "create", "--scope", "admin", "--data", _data);
        var (_, second, _) = CliRunner.Run(_data, "keys", "create", "--scope", "read", "--data", _data);
        var (firstId, secondId) = (ApiKeys.Hash(first.Trim())[..8], ApiKeys.Hash(second.Trim())[..8]);

        var (exit, stdout, _) = CliRunner.Run(_data, "keys", "list", "--data", _data);
        Assert.Equal(0, exit);
        // Oldest first; the scope padded to the longest name ("admin"), the time in UTC to the second.
        Assert.Matches($"^{firstId}  admin  \\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n{secondId}  read   \\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n$", stdout);
        Assert.DoesNotContain(first.Trim(), stdout);

        Assert.Equal((0, "", $"revoked key {firstId}\n"), CliRunner.Run(_data, "keys", "revoke", firstId, "--data", _data));
        Assert.StartsWith($"{secondId}  read ", CliRunner.Run(_data, "keys", "list", "--data", _data).Out);
        var (again, _, err) = CliRunner.Run(_data, "keys", "revoke", firstId, "--data", _data);
        Assert.Equal((1, $"cxr keys revoke: no key '{firstId}' (keys: {secondId})\n"), (again, err));
    }

    [Theory]
    [InlineData("ABCDEF12")]
    [InlineData("1234567")]
    [InlineData("cxr_abcdefabcdefabcdefabcdefabcdefabcdefabcdefa")]
    [InlineData("../../x")]
    [InlineData("")]
    public void Keys_revoke_of_something_that_is_no_key_id_is_a_usage_error(string id)
    {
        var (exit, _, stderr) = CliRunner.Run(_data, "keys", "revoke", id, "--data", _data);
        Assert.Equal(2, exit);
        Assert.Contains("is not a key id (8 hex digits", stderr);
    }

    [Fact]
    public void Keys_create_refuses_an_unknown_scope_as_a_usage_error()
    {
        var (exit, _, stderr) = CliRunner.Run(_data, "keys", "create", "--scope", "root", "--data", _data);
        Assert.Equal(2, exit);
        Assert.Contains("root", stderr);
    }

    [Fact]
    public void Serve_with_a_missing_reports_directory_exits_2_naming_the_setting()
    {
        var (exit, stdout, stderr) = CliRunner.Run(_data, "serve", "--reports", Path.Combine(_data, "none"), "--data", _data, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("Cxr:ReportsDirectory", stderr);
    }
}
