using System.Net;
using System.Text;
using CxReports.Server.Security;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>
/// Alone, not beside the other test classes: every server in this process publishes the same meter names, so a scrape
/// while other servers work would count their requests too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

/// <summary>One server for the tests of the class; each counts what it does between two scrapes of its own.</summary>
public sealed class MetricsServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await MetricsEndpointTests.Start();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests(MetricsServer shared) : IClassFixture<MetricsServer>
{
    private const string Period = "from=2025-11-01&to=2026-10-31";

    /// <summary>A server on 127.0.0.1 that changes only when a test asks (no file watching).</summary>
    internal static Task<TestServer> Start(bool anonymous = false) => TestServer.Start(new()
    {
        ["Cxr:WatchData"] = "false",
        ["Cxr:WatchReports"] = "false",
        ["Cxr:Metrics:Anonymous"] = anonymous ? "true" : null,
    }, kestrel: true);

    private static async Task<PrometheusText> Scrape(TestServer server)
    {
        var response = await server.Client(ApiScope.Read).GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(text);
    }

    [Fact]
    public async Task A_scrape_counts_exactly_the_requests_evaluations_cache_lookups_loads_and_deliveries_made_since_the_last()
    {
        var server = shared.Server;
        var reader = server.Client(ApiScope.Read);
        var status = await (await reader.GetAsync("/api/status")).Json();
        var sources = status.GetProperty("sources").GetArrayLength();
        var responseRows = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "responses").GetProperty("rows").GetInt64();
        var before = await Scrape(server);

        // advocacy twice (an evaluation, then the cache), one query, a reload with one more survey answer, one run now
        Assert.Equal("miss", (await reader.GetAsync($"/api/reports/advocacy?{Period}")).Header("X-Cache"));
        Assert.Equal("hit", (await reader.GetAsync($"/api/reports/advocacy?{Period}")).Header("X-Cache"));
        Assert.Equal("miss", (await reader.GetAsync($"/api/query?q=nps&{Period}")).Header("X-Cache"));
        await File.AppendAllTextAsync(Path.Combine(server.Data, "anket.csv"), "999999,,2026-01-15T10:00:00Z,email,9,,,\n");
        var reload = await (await server.Client(ApiScope.Admin).PostAsync("/api/reload", null)).Json();
        Assert.Equal(1, reload.GetProperty("generation").GetInt64() - status.GetProperty("generation").GetInt64());
        var run = await (await server.Client(ApiScope.Run).PostAsync("/api/reports/advocacy/run", null)).Json();
        Assert.Equal("delivered", run.GetProperty("outcome").GetString());

        var after = await Scrape(server);
        double Moved(string name, params string[] labels) => after.Sum(name, labels) - before.Sum(name, labels);

        Assert.Equal(1, Moved("cxr_evaluations_total", "kind=report", "report=advocacy", "outcome=ok"));
        Assert.Equal(1, Moved("cxr_evaluations_total", "kind=query", "outcome=ok"));
        Assert.Equal(1, Moved("cxr_evaluations_total", "kind=run", "report=advocacy", "outcome=ok"));
        Assert.Equal(3, Moved("cxr_evaluations_total"));
        Assert.Equal(3, Moved("cxr_evaluation_duration_seconds_count"));
        Assert.True(Moved("cxr_evaluation_duration_seconds_sum") > 0);
        Assert.Equal(1, Moved("cxr_result_cache_lookups_total", "kind=report", "result=miss"));
        Assert.Equal(1, Moved("cxr_result_cache_lookups_total", "kind=report", "result=hit"));
        Assert.Equal(1, Moved("cxr_result_cache_lookups_total", "kind=query", "result=miss"));
        Assert.Equal(0, Moved("cxr_result_cache_lookups_total", "kind=query", "result=hit"));
        Assert.Equal(1, Moved("cxr_reloads_total", "outcome=accepted"));
        // the reload looked at every source; only the survey answers had changed, and now hold one row more
        Assert.Equal(sources, Moved("cxr_source_loads_total"));
        Assert.Equal(1, Moved("cxr_source_loads_total", "source=responses", "outcome=loaded"));
        Assert.Equal(sources - 1, Moved("cxr_source_loads_total", "outcome=unchanged"));
        Assert.Equal(sources, Moved("cxr_source_load_duration_seconds_count"));
        Assert.Equal(responseRows + 1, Moved("cxr_source_loaded_rows_total", "source=responses"));
        Assert.Equal(responseRows + 1, Moved("cxr_source_loaded_rows_total"));
        // advocacy delivers one PDF to a folder
        Assert.Equal(1, Moved("cxr_runs_total", "report=advocacy", "outcome=delivered"));
        Assert.Equal(1, Moved("cxr_runs_total"));
        Assert.Equal(1, Moved("cxr_deliveries_total", "channel=folder", "outcome=delivered"));
        Assert.Equal(1, Moved("cxr_deliveries_total"));

        // requests by route template: the two report requests are one series, whatever the name and query string
        const string requests = "http_server_request_duration_seconds_count";
        Assert.Equal(2, Moved(requests, "http_route=/api/reports/{name}", "http_request_method=GET", "http_response_status_code=200"));
        Assert.Equal(1, Moved(requests, "http_route=/api/query/", "http_response_status_code=200"));
        Assert.Equal(1, Moved(requests, "http_route=/api/reload", "http_request_method=POST"));
        Assert.Equal(1, Moved(requests, "http_route=/api/reports/{name}/run", "http_request_method=POST"));
        Assert.DoesNotContain(after.Samples, s => s.Labels.Values.Any(v => v.Contains("advocacy") && s.Name.StartsWith("http_")));
        Assert.DoesNotContain(after.Samples, s => s.Labels.Values.Any(v => v.Contains("2025-11-01")));
    }

    [Fact]
    public async Task Metrics_need_a_key_with_the_read_scope()
    {
        var server = shared.Server;
        var response = await server.Client().GetAsync("/metrics");
        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var wrong = server.Client();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "cxr_not-a-key-anyone-has-made-0000000000000000");
        await (await wrong.GetAsync("/metrics")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await server.Client(ApiScope.Read).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client(ApiScope.Admin).GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_metrics_route_answers_odd_requests_without_a_server_error()
    {
        var client = shared.Server.Client(ApiScope.Read);
        foreach (var request in new[]
                 {
                     new HttpRequestMessage(HttpMethod.Post, "/metrics") { Content = new StringContent("x", Encoding.UTF8, "application/json") },
                     new HttpRequestMessage(HttpMethod.Delete, "/metrics"),
                     new HttpRequestMessage(HttpMethod.Get, "/metrics?name[]=x&" + new string('a', 4000)),
                     new HttpRequestMessage(HttpMethod.Get, "/metrics/"),
                     new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Accept", "application/openmetrics-text; version=1.0.0" } } },
                     Unvalidated("Accept", "%%%;;;==="),
                     Unvalidated("Accept", "application/openmetrics-text; version=9; q=abc"),
                 })
        {
            var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode}");
        }
    }

    private static HttpRequestMessage Unvalidated(string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }
}

/// <summary>A server of its own, in the same collection: two servers at once in one process share the meter names.</summary>
[Collection(MetricsCollection.Name)]
public sealed class AnonymousMetricsTests
{
    [Fact]
    public async Task With_anonymous_set_metrics_need_no_key_and_the_log_says_so()
    {
        await using var server = await MetricsEndpointTests.Start(anonymous: true);
        var response = await server.Client().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, scrape.Sum("cxr_reloads_total", "outcome=accepted"));
        Assert.Equal(1, scrape.Sum("target_info", "service_name=cxreports"));
        Assert.Contains(server.Logged(), l => l.Message.StartsWith("/metrics is served without a key (Cxr:Metrics:Anonymous=true)", StringComparison.Ordinal));
    }
}
