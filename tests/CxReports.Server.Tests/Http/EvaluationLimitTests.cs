using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

public sealed class EvaluationLimitTests
{
    [Fact]
    public async Task Evaluations_past_the_limit_are_refused_with_503_and_retry_after_while_cached_results_still_serve()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:MaxConcurrentEvaluations"] = "1", ["Cxr:EvaluationQueueLimit"] = "0", ["Cxr:WatchReports"] = "false" });
        var client = server.Client(ApiScope.Read);
        const string cached = "/api/reports/advocacy?from=2025-11-01&to=2026-10-31";
        await (await client.GetAsync(cached)).Json();

        // Distinct periods, so none is a cache hit and all compete for the single evaluation slot.
        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(month =>
            client.GetAsync($"/api/reports/customer_success?from=2025-{month:00}-01&to=2025-12-31")));
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        Assert.NotEmpty(busy);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal("1", busy[0].Headers.RetryAfter?.ToString());
        Assert.Contains("Cxr:MaxConcurrentEvaluations", (await busy[0].Problem(HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
        Assert.Equal("hit", (await client.GetAsync(cached)).Header("X-Cache"));
    }
}
