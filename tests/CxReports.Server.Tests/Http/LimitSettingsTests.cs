using CxReports.Server.Host;
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
}
