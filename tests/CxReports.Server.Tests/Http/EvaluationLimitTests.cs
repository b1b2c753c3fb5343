using System.Net;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;
using Microsoft.Extensions.DependencyInjection;

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

        // The single evaluation slot is taken (as a long evaluation would take it), so an uncached request finds
        // the server at its limit however fast this machine evaluates.
        var limiter = server.App.Services.GetRequiredService<EvaluationLimiter>();
        using (var slot = await limiter.Enter(CancellationToken.None))
        {
            Assert.NotNull(slot);
            var busy = await client.GetAsync("/api/reports/customer_success?from=2025-01-01&to=2025-12-31");

            Assert.Equal("1", busy.Headers.RetryAfter?.ToString());
            Assert.Contains("Cxr:MaxConcurrentEvaluations", (await busy.Problem(HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
            Assert.Equal("hit", (await client.GetAsync(cached)).Header("X-Cache"));
        }

        var free = await client.GetAsync("/api/reports/customer_success?from=2025-01-01&to=2025-12-31");
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }
}
