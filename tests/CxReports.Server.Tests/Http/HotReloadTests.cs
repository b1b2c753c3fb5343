using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>Report files edited while the server runs: valid changes are served, invalid ones refused.</summary>
public sealed class HotReloadTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.Start();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<long> WaitForGeneration(Func<System.Text.Json.JsonElement, bool> until)
    {
        var client = _server.Client(ApiScope.Read);
        for (var waited = 0; waited < 15_000; waited += 50)
        {
            var status = await (await client.GetAsync("/api/status")).Json();
            if (until(status)) return status.GetProperty("generation").GetInt64();
            await Task.Delay(50);
        }
        throw new TimeoutException("the server did not pick up the change in 15 s");
    }

    [Fact]
    public async Task A_valid_edit_is_served_and_drops_only_the_cached_results_it_affects_then_an_invalid_edit_is_refused()
    {
        var client = _server.Client(ApiScope.Read);
        const string period = "?from=2025-11-01&to=2026-10-31";
        await (await client.GetAsync("/api/reports/advocacy" + period)).Json();
        await (await client.GetAsync("/api/reports/experience" + period)).Json();

        // 1. A valid edit of one report: swapped in, that report re-evaluated, the other still cached.
        var file = Path.Combine(_server.Reports, "advocacy.cxr");
        var original = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, original.Replace("\"Customer Advocacy\"", "\"Customer Advocacy (edited)\""));
        var generation = await WaitForGeneration(s => s.GetProperty("generation").GetInt64() >= 2);
        var edited = await client.GetAsync("/api/reports/advocacy" + period);
        Assert.Equal("Customer Advocacy (edited)", (await edited.Json()).GetProperty("title").GetString());
        Assert.Equal("miss", edited.Header("X-Cache"));
        Assert.Equal("hit", (await client.GetAsync("/api/reports/experience" + period)).Header("X-Cache"));

        // 2. An invalid edit: refused, the last good model keeps serving, the diagnostics are visible and logged.
        await File.WriteAllTextAsync(file, original.Replace("kpi nps, nps_margin", "kpi nsp, nps_margin"));
        var status = await WaitForStatus(s => s.GetProperty("lastRefusedChange").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(generation, status.GetProperty("generation").GetInt64());
        var diagnostic = status.GetProperty("lastRefusedChange").GetProperty("diagnostics")[0];
        Assert.Equal(("advocacy.cxr", "CXR010"), (diagnostic.GetProperty("file").GetString(), diagnostic.GetProperty("code").GetString()));
        var still = await client.GetAsync("/api/reports/advocacy" + period);
        Assert.Equal("Customer Advocacy (edited)", (await still.Json()).GetProperty("title").GetString());
        Assert.Equal("hit", still.Header("X-Cache"));
        var ready = await (await _server.Client().GetAsync("/health/ready")).Json();
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Contains(_server.Logged(), l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains("advocacy.cxr") && l.Message.Contains("CXR010"));

        // 3. An admin reload while the files are still wrong is refused with the same diagnostics.
        var refused = await (await _server.Client(ApiScope.Admin).PostAsync("/api/reload", null)).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CXR010", refused.GetProperty("diagnostics")[0].GetProperty("code").GetString());

        // 4. Fixing the file recovers.
        await File.WriteAllTextAsync(file, original);
        await WaitForGeneration(s => s.GetProperty("generation").GetInt64() > generation && s.GetProperty("lastRefusedChange").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal("Healthy", (await (await _server.Client().GetAsync("/health/ready")).Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_new_report_file_appears_in_the_list()
    {
        await File.WriteAllTextAsync(Path.Combine(_server.Reports, "extra.cxr"),
            "report extra \"Extra\" {\n  period previous 12 months\n  section \"One\" {\n    kpi nps\n  }\n}\n");
        await WaitForGeneration(s => s.GetProperty("reports").EnumerateArray().Any(r => r.GetString() == "extra"));
        var report = await (await _server.Client(ApiScope.Read).GetAsync("/api/reports/extra?from=2026-01-01&to=2026-06-30")).Json();
        Assert.Equal("Extra", report.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_changed_source_file_is_loaded_and_drops_only_the_reports_that_read_it()
    {
        var client = _server.Client(ApiScope.Read);
        const string period = "?from=2025-11-01&to=2026-10-31";
        await (await client.GetAsync("/api/reports/cx_roi" + period)).Json();   // reads costs
        await (await client.GetAsync("/api/reports/advocacy" + period)).Json(); // does not
        static long CostRows(System.Text.Json.JsonElement status) =>
            status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "costs").GetProperty("rows").GetInt64();
        var before = CostRows(await (await client.GetAsync("/api/status")).Json());

        var costs = Path.Combine(_server.Data, "cx_giderleri.csv");
        var text = await File.ReadAllTextAsync(costs);
        await File.WriteAllTextAsync(costs, text.TrimEnd('\n', '\r') + "\n2026-11;1,00;1,00;;1,00\n");
        await WaitForStatus(s => CostRows(s) == before + 1);

        Assert.Equal("miss", (await client.GetAsync("/api/reports/cx_roi" + period)).Header("X-Cache"));
        Assert.Equal("hit", (await client.GetAsync("/api/reports/advocacy" + period)).Header("X-Cache"));
    }

    [Fact]
    public async Task A_source_file_emptied_to_its_header_is_refused_as_a_shrink_and_the_table_keeps_its_rows()
    {
        var client = _server.Client(ApiScope.Read);
        static System.Text.Json.JsonElement Costs(System.Text.Json.JsonElement status) =>
            status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "costs");
        var before = Costs(await (await client.GetAsync("/api/status")).Json()).GetProperty("rows").GetInt64();
        Assert.True(before > 0);

        var costs = Path.Combine(_server.Data, "cx_giderleri.csv");
        var header = (await File.ReadAllLinesAsync(costs))[0];
        await File.WriteAllTextAsync(costs, header + "\n");
        var status = Costs(await WaitForStatus(s => Costs(s).GetProperty("status").GetString() == "failed"));

        Assert.Equal(before, status.GetProperty("rows").GetInt64());
        Assert.StartsWith($"cx_giderleri.csv:1:1: error CXR116: source 'costs': refused to shrink: the load would replace {before.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows with 0",
            status.GetProperty("error").GetString());
    }

    private async Task<System.Text.Json.JsonElement> WaitForStatus(Func<System.Text.Json.JsonElement, bool> until)
    {
        var client = _server.Client(ApiScope.Read);
        for (var waited = 0; waited < 15_000; waited += 50)
        {
            var status = await (await client.GetAsync("/api/status")).Json();
            if (until(status)) return status;
            await Task.Delay(50);
        }
        throw new TimeoutException("the server did not react to the change in 15 s");
    }
}
