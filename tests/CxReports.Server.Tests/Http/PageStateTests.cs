using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>The run history and status pages after something happened: a run with its delivery, a refused change.</summary>
public sealed class PageStateTests
{
    [Fact]
    public async Task The_runs_page_shows_a_run_with_each_delivery_as_the_api_does()
    {
        await using var server = await TestServer.Start();
        var run = await (await server.Client(ApiScope.Run).PostAsync("/api/reports/advocacy/run", null)).Json();
        var delivery = run.GetProperty("deliveries")[0];

        var page = await (await server.Client(ApiScope.Read).GetAsync("/runs")).Html();

        var row = Assert.Single(page.QuerySelectorAll("table.runs tbody tr"));
        Assert.Equal("advocacy", row.QuerySelector("a[href='/reports/advocacy']")?.TextContent);
        Assert.Equal(run.GetProperty("outcome").GetString(), row.QuerySelector(".badge")?.TextContent);
        var shown = Assert.Single(row.QuerySelectorAll("ul.deliveries li"));
        Assert.StartsWith(delivery.GetProperty("channel").GetString() + " " + delivery.GetProperty("target").GetString() + ": "
            + delivery.GetProperty("outcome").GetString(), shown.TextContent.Trim());

        var index = await (await server.Client(ApiScope.Read).GetAsync("/")).Html();
        var card = index.QuerySelectorAll(".report-card").Single(c => c.QuerySelector("h2 a")!.GetAttribute("href") == "/reports/advocacy");
        Assert.Equal(run.GetProperty("outcome").GetString(), card.QuerySelector(".badge")?.TextContent);
    }

    [Fact]
    public async Task The_status_page_shows_a_refused_change_with_its_diagnostics_at_file_line_and_column()
    {
        await using var server = await TestServer.Start(settings: new() { ["Cxr:WatchReports"] = "false" });
        await File.AppendAllTextAsync(Path.Combine(server.Reports, "model", "metrics.cxr"), "\nmetric broken = nsp(responses.score)\n");
        await (await server.Client(ApiScope.Admin).PostAsync("/api/reload", null)).Problem(HttpStatusCode.UnprocessableEntity);
        var status = await (await server.Client(ApiScope.Read).GetAsync("/api/status")).Json();
        var diagnostic = status.GetProperty("lastRefusedChange").GetProperty("diagnostics")[0];

        var page = await (await server.Client(ApiScope.Read).GetAsync("/status")).Html();

        var item = Assert.Single(page.QuerySelectorAll("ul.diagnostics li"));
        Assert.Equal($"{diagnostic.GetProperty("file").GetString()}:{diagnostic.GetProperty("line").GetInt32()}:{diagnostic.GetProperty("column").GetInt32()}",
            item.QuerySelector(".where")?.TextContent);
        Assert.EndsWith("model/metrics.cxr", item.QuerySelector(".where")!.TextContent.Split(':')[0]);
        Assert.Contains("unknown function 'nsp'", item.TextContent);
        Assert.Contains("hint: did you mean 'nps'?", item.TextContent);
    }

    [Fact]
    public async Task With_bad_report_files_since_start_the_pages_say_that_nothing_is_served_and_point_to_the_status()
    {
        await using var server = await TestServer.Start(editReports: reports =>
            File.AppendAllText(Path.Combine(reports, "model", "metrics.cxr"), "\nmetric broken = nsp(responses.score)\n"));
        var client = server.Client(ApiScope.Read);

        var index = await (await client.GetAsync("/")).Html();
        Assert.Empty(index.QuerySelectorAll(".report-card"));
        Assert.Equal("/status", index.QuerySelector("main .note a")?.GetAttribute("href"));
        var report = await (await client.GetAsync("/reports/advocacy")).Html(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("No reports are served", report.QuerySelector("h1")?.TextContent);
        var status = await (await client.GetAsync("/status")).Html();
        Assert.Contains("unknown function 'nsp'", status.QuerySelector("ul.diagnostics")?.TextContent);
    }
}
