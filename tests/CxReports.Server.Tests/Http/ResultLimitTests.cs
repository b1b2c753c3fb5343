using System.Net;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace CxReports.Server.Tests.Http;

/// <summary>Row, byte and bucket limits of queries and reports, and the result cache's byte limit, over real HTTP.</summary>
public sealed class ResultLimitTests
{
    private static Task<TestServer> Start(Dictionary<string, string?> settings)
    {
        settings["Cxr:WatchReports"] = "false";
        settings["Cxr:WatchData"] = "false";
        return TestServer.Start(settings, kestrel: true);
    }

    [Fact]
    public async Task A_day_grain_over_three_centuries_is_422_naming_from_to_grain_and_the_setting_before_anything_runs()
    {
        await using var server = await Start([]);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await server.Client(ApiScope.Read).GetAsync("/api/query?q=nps%20by%20day&from=1900-01-01&to=2199-12-31");
        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.Equal("Period too long for its grain", problem.GetProperty("title").GetString());
        // The widest period the API accepts: 300 years of 365 days and 73 leap days (every fourth year from 1904 to
        // 2196, 2000 included, 2100 not).
        Assert.Equal(("1900-01-01", "2199-12-31", "day", 109_573L, 5_000, "Cxr:MaxBuckets"),
            (problem.GetProperty("from").GetString(), problem.GetProperty("to").GetString(), problem.GetProperty("grain").GetString(),
                problem.GetProperty("buckets").GetInt64(), problem.GetProperty("maximum").GetInt32(), problem.GetProperty("limit").GetString()));
        Assert.Equal("from 1900-01-01 to 2199-12-31 by day is 109,573 buckets; at most 5,000 are computed: shorten the period or use a coarser grain (Cxr:MaxBuckets)",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_report_whose_grain_splits_the_period_into_too_many_buckets_is_422_and_a_shorter_one_is_200()
    {
        await using var server = await Start(new() { ["Cxr:MaxBuckets"] = "24" });
        var client = server.Client(ApiScope.Read);
        // advocacy charts by month: 25 months here, 24 below.
        var problem = await (await client.GetAsync("/api/reports/advocacy?from=2024-10-01&to=2026-10-31")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("month", 25L), (problem.GetProperty("grain").GetString(), problem.GetProperty("buckets").GetInt64()));
        await (await client.GetAsync("/api/reports/advocacy?from=2024-11-01&to=2026-10-31")).Json();
    }

    [Theory]
    [InlineData("1900-01-01", "1900-12-31")]
    [InlineData("2199-01-01", "2199-12-31")]
    [InlineData("2199-12-31", "2199-12-31")]
    [InlineData("1900-01-01", "1900-01-01")]
    public async Task Periods_at_the_first_and_last_years_the_api_accepts_evaluate(string from, string to)
    {
        await using var server = await Start([]);
        var client = server.Client(ApiScope.Read);
        foreach (var report in new[] { "advocacy", "customer_success", "cx_roi", "experience", "retention_value" })
            await (await client.GetAsync($"/api/reports/{report}?from={from}&to={to}")).Json();
        await (await client.GetAsync($"/api/query?q=nps,churn%20by%20month&from={from}&to={to}")).Json();
    }

    [Fact]
    public async Task A_table_past_the_row_limit_is_422_naming_the_limit_and_its_setting_and_one_at_the_limit_is_200()
    {
        await using var server = await Start(new() { ["Cxr:MaxResultRows"] = "10" });
        var client = server.Client(ApiScope.Read);
        var table = await (await client.GetAsync("/api/query?q=nps%20by%20day&from=2025-01-01&to=2025-01-10")).Json();
        Assert.Equal(10, table.GetProperty("rows").GetArrayLength());

        var problem = await (await client.GetAsync("/api/query?q=nps%20by%20day&from=2025-01-01&to=2025-01-11")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("Result too large", "Cxr:MaxResultRows", 10), (problem.GetProperty("title").GetString(), problem.GetProperty("limit").GetString(), problem.GetProperty("maximum").GetInt32()));
        Assert.StartsWith("the result has more than 10 rows in one table, the limit of Cxr:MaxResultRows", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_report_block_past_the_row_limit_is_422_naming_the_block()
    {
        await using var server = await Start(new() { ["Cxr:MaxResultRows"] = "12" });
        // advocacy's first block charts answers by month: 13 months here.
        var problem = await (await server.Client(ApiScope.Read).GetAsync("/api/reports/advocacy?from=2025-10-01&to=2026-10-31")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("Cxr:MaxResultRows", "chart_1"), (problem.GetProperty("limit").GetString(), problem.GetProperty("block").GetString()));
    }

    [Fact]
    public async Task A_result_past_the_byte_limit_is_422_naming_the_limit_and_its_setting()
    {
        await using var server = await Start(new() { ["Cxr:MaxResultBytes"] = "1024" });
        var client = server.Client(ApiScope.Read);
        // A row of responses_n by day (a count: 0 on a day without answers, never null) counts 12 bytes for its date and
        // 24 for its number: 28 rows are 1,008 bytes, 29 are 1,044.
        await (await client.GetAsync("/api/query?q=responses_n%20by%20day&from=2025-01-01&to=2025-01-28")).Json();
        var problem = await (await client.GetAsync("/api/query?q=responses_n%20by%20day&from=2025-01-01&to=2025-01-29")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("Cxr:MaxResultBytes", 1024), (problem.GetProperty("limit").GetString(), problem.GetProperty("maximum").GetInt32()));
    }

    [Fact]
    public async Task A_result_larger_than_the_entry_limit_is_served_every_time_but_never_cached()
    {
        await using var server = await Start(new() { ["Cxr:MaxCachedResultBytes"] = "2000" });
        var client = server.Client(ApiScope.Read);
        const string small = "/api/query?q=nps&from=2025-01-01&to=2025-12-31";
        const string large = "/api/query?q=nps%20by%20day&from=2025-01-01&to=2025-12-31";
        var smallResponses = new[] { await client.GetAsync(small), await client.GetAsync(small) };
        var largeResponses = new[] { await client.GetAsync(large), await client.GetAsync(large) };
        Assert.True((await largeResponses[1].Content.ReadAsByteArrayAsync()).Length > 2000);
        Assert.Equal(["miss", "hit"], smallResponses.Select(r => r.Header("X-Cache")));
        Assert.Equal(["miss", "miss"], largeResponses.Select(r => r.Header("X-Cache")));
    }

    [Fact]
    public async Task Distinct_results_past_the_cache_limit_keep_the_cached_bytes_under_it()
    {
        await using var server = await Start(new() { ["Cxr:ResultCacheBytes"] = "65536" });
        var client = server.Client(ApiScope.Read);
        var cache = server.App.Services.GetRequiredService<ResultCache>();
        for (var day = 1; day <= 60; day++)
        {
            // About 0.6 to 1 KB of JSON each (a month of days) plus 1 KiB of overhead: 60 of them would be over 100 KB.
            var from = new DateOnly(2025, 1, 1).AddDays(day);
            await (await client.GetAsync($"/api/query?q=nps%20by%20day&from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}")).Json();
            Assert.InRange(cache.Bytes, 0, 65536);
        }
        Assert.InRange(cache.Count, 1, 59);
    }
}
