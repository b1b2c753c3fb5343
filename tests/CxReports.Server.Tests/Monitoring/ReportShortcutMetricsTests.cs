using CxReports.Server.Security;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>What <c>/metrics</c> says of a report answered by the cached-report shortcut: what it says of the full pipeline's answer.</summary>
[Collection(MetricsCollection.Name)]
public sealed class ReportShortcutMetricsTests(MetricsServer shared) : IClassFixture<MetricsServer>
{
    [Fact]
    public async Task An_answer_of_the_shortcut_is_counted_as_a_request_of_the_route_and_a_cache_hit_as_the_full_pipelines_is()
    {
        var server = shared.Server;
        var key = server.Keys[ApiScope.Read];
        const string target = "/api/reports/customer_success?from=2025-11-24&to=2026-10-31&plan=pro";
        await server.Raw(target, key); // evaluated
        var before = await Scrape(server);

        await server.Raw(target + "&", key); // the same report asked in other words: the full pipeline, from the cache
        var full = await Scrape(server);
        await server.Raw(target + "&", key); // the shortcut
        var shortcut = await Scrape(server);

        Assert.Equal(1, server.Shortcuts().Answered);
        string[] route = ["http_route=/api/reports/{name}", "http_request_method=GET", "http_response_status_code=200"];
        const string requests = "http_server_request_duration_seconds_count", lookups = "cxr_result_cache_lookups_total";
        Assert.Equal(1, full.Sum(requests, route) - before.Sum(requests, route));
        Assert.Equal(1, shortcut.Sum(requests, route) - full.Sum(requests, route));
        Assert.Equal(1, full.Sum(lookups, "kind=report", "result=hit") - before.Sum(lookups, "kind=report", "result=hit"));
        Assert.Equal(1, shortcut.Sum(lookups, "kind=report", "result=hit") - full.Sum(lookups, "kind=report", "result=hit"));
        Assert.Equal(0, shortcut.Sum(lookups, "kind=report", "result=miss") - before.Sum(lookups, "kind=report", "result=miss"));
        // Dropped on purpose (per-request cost, nothing the request duration does not say; the memory pool's buffers
        // rented and pooled change on every request, what it allocates does not).
        Assert.DoesNotContain(shortcut.Samples, s => s.Name.StartsWith("http_server_active_requests", StringComparison.Ordinal)
                                                    || s.Name.StartsWith("aspnetcore_routing_match_attempts", StringComparison.Ordinal)
                                                    || s.Name.StartsWith("aspnetcore_memory_pool_rented", StringComparison.Ordinal)
                                                    || s.Name.StartsWith("aspnetcore_memory_pool_pooled", StringComparison.Ordinal));
        Assert.Contains(shortcut.Samples, s => s.Name == "aspnetcore_memory_pool_allocated_bytes_total");
    }

    private static async Task<PrometheusText> Scrape(TestServer server) =>
        PrometheusText.Parse(await (await server.Client(ApiScope.Read).GetAsync("/metrics")).Content.ReadAsStringAsync());
}
