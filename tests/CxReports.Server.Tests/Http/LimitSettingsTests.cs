using CxReports.Server.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Tests.Http;

public sealed class LimitSettingsTests
{
    [Fact]
    public async Task Limits_out_of_range_stop_the_start_naming_each_setting()
    {
        var app = CxrServer.Build(new Dictionary<string, string?>
        {
            ["Cxr:ResultCacheBytes"] = "-1",
            ["Cxr:MaxCachedResultBytes"] = "2147483648",
            ["Cxr:MaxResultRows"] = "0",
            ["Cxr:MaxResultBytes"] = "10",
            ["Cxr:MaxBuckets"] = "0",
            ["Cxr:MaxConcurrentChecks"] = "0",
            ["Cxr:CheckQueueLimit"] = "-1",
            ["Cxr:MaxDiagnostics"] = "0",
        }, b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(b.WebHost));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Cxr:ResultCacheBytes must be between 0 and 68719476736 (got -1)", e.Failures);
        Assert.Contains("Cxr:MaxCachedResultBytes must be between 0 and 1073741824 (got 2147483648)", e.Failures);
        Assert.Contains("Cxr:MaxResultRows must be between 1 and 100000000 (got 0)", e.Failures);
        Assert.Contains("Cxr:MaxResultBytes must be between 1024 and 1073741824 (got 10)", e.Failures);
        Assert.Contains("Cxr:MaxBuckets must be between 1 and 1000000 (got 0)", e.Failures);
        Assert.Contains("Cxr:MaxConcurrentChecks must be between 1 and 256 (got 0)", e.Failures);
        Assert.Contains("Cxr:CheckQueueLimit must be between 0 and 10000 (got -1)", e.Failures);
        Assert.Contains("Cxr:MaxDiagnostics must be between 1 and 100000 (got 0)", e.Failures);
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0GB")]
    [InlineData("4 GB; SET enable_external_access = true")]
    public async Task A_warehouse_memory_limit_that_is_not_a_size_stops_the_start_naming_it(string limit)
    {
        var app = CxrServer.Build(new Dictionary<string, string?>
        {
            ["Cxr:ReportsDirectory"] = Path.Combine(Cli.CliRunner.RepositoryRoot(), "reports"),
            ["Warehouse:MemoryLimit"] = limit,
        }, b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(b.WebHost));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains($"Warehouse:MemoryLimit must be a size such as 4GB or 512MiB (got '{limit}')", e.Failures);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_warehouse_memory_limit_is_the_one_duckdb_runs_with()
    {
        await using var server = await TestServer.Start(new() { ["Warehouse:MemoryLimit"] = "300MiB", ["Cxr:WatchReports"] = "false" });
        var gate = server.App.Services.GetRequiredService<CxReports.Server.Serving.WarehouseGate>();
        // DuckDB prints its limit back with one decimal (the default, 4GB, would read "3.7 GiB").
        Assert.Equal("300.0 MiB", await gate.Run(w => w.Scalar<string>("SELECT current_setting('memory_limit')")));
    }
}
