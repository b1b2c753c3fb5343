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
