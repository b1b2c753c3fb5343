using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

[Collection(SharedServerCollection.Name)]
public sealed class AdminEndpointTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task Reload_with_nothing_changed_loads_nothing_and_drops_no_cached_result()
    {
        var client = Server.Client(ApiScope.Admin);
        await (await client.GetAsync("/api/reports/cx_roi?from=2025-11-01&to=2026-10-31")).Json();
        var result = await (await client.PostAsync("/api/reload", null)).Json();
        Assert.All(result.GetProperty("sources").EnumerateArray(), s => Assert.Equal("unchanged", s.GetProperty("status").GetString()));
        Assert.Empty(result.GetProperty("invalidated").EnumerateArray());
        Assert.Equal("hit", (await client.GetAsync("/api/reports/cx_roi?from=2025-11-01&to=2026-10-31")).Header("X-Cache"));
    }

    [Fact]
    public async Task Status_shows_the_model_the_data_version_and_each_source()
    {
        var status = await (await Server.Client(ApiScope.Read).GetAsync("/api/status")).Json();
        Assert.True(status.GetProperty("generation").GetInt64() >= 1);
        Assert.Contains("model/metrics.cxr", status.GetProperty("files").Strings());
        Assert.Matches("^[0-9a-f]{12}$", status.GetProperty("dataVersion").GetString());
        Assert.Equal(JsonValueKindNull, status.GetProperty("lastRefusedChange").ValueKind);
        var customers = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "customers");
        Assert.Equal(200, customers.GetProperty("rows").GetInt64());
        Assert.True(status.GetProperty("authEnabled").GetBoolean());
    }

    [Fact]
    public async Task Status_shows_where_each_sources_data_ends()
    {
        var status = await (await Server.Client(ApiScope.Read).GetAsync("/api/status")).Json();
        string Through(string source) => status.GetProperty("sources").EnumerateArray()
            .Single(s => s.GetProperty("source").GetString() == source).GetProperty("dataThrough").GetString()!;

        // A date field ends on a day; a timestamp field at an instant, in UTC.
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", Through("churns"));
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", Through("tickets"));
        // Costs are booked by month ("%Y-%m"): the data reaches the last day of the latest month.
        var costs = DateOnly.ParseExact(Through("costs"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTime.DaysInMonth(costs.Year, costs.Month), costs.Day);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Run_now_delivers_to_the_schedule_targets_and_the_run_shows_in_the_history()
    {
        var run = await (await Server.Client(ApiScope.Run).PostAsync("/api/reports/experience/run", null)).Json();
        var delivery = run.GetProperty("deliveries").EnumerateArray().Single();
        Assert.Equal(("folder", "experience"), (delivery.GetProperty("channel").GetString(), delivery.GetProperty("target").GetString()));
        Assert.Equal("delivered", run.GetProperty("outcome").GetString());
        // The experience report delivers a PDF and a zip of its tables as CSV (one file per block) into the output root's "experience" folder.
        var files = Directory.GetFiles(Path.Combine(Server.Root, "out", "experience")).Select(Path.GetFileName).ToArray();
        Assert.Single(files, f => f!.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Single(files, f => f!.EndsWith(".zip", StringComparison.Ordinal));

        var history = await (await Server.Client(ApiScope.Read).GetAsync("/api/runs?report=experience")).Json();
        Assert.Contains(history.GetProperty("runs").EnumerateArray(), r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString());
        await (await Server.Client(ApiScope.Read).GetAsync("/api/runs?report=advocasy")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_is_live_and_ready_while_a_valid_model_serves()
    {
        var live = await (await Server.Client().GetAsync("/health/live")).Json();
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        var ready = await (await Server.Client().GetAsync("/health/ready")).Json();
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("serving", ready.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_too()
    {
        await (await Server.Client(ApiScope.Read).GetAsync("/api/nothing-here")).Problem(HttpStatusCode.NotFound);
    }
}
