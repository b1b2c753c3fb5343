using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Host;
using CxReports.Server.Modules;
using CxReports.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// The cached-report shortcut on servers of their own: with auth off, after an edit of the report, after a data load,
/// after a reload that changes nothing, after the allowed hosts change, with a compressible document, and its setting
/// (<c>Cxr:ReportShortcuts</c>).
/// </summary>
public sealed class ReportShortcutChangeTests
{
    private const string Target = "/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro";

    [Fact]
    public async Task With_auth_off_the_shortcut_answers_without_a_key_as_the_full_pipeline_does()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:Auth:Enabled"] = "false" }, kestrel: true);
        await server.Raw("/api/reports/customer_success?plan=pro&from=2025-11-01&to=2026-10-31", key: null);

        var full = await server.Raw(Target, key: null);
        var shortcut = await server.Raw(Target, key: null);

        Assert.Equal(1, server.Shortcuts().Answered);
        Assert.Equal(full, shortcut);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", shortcut);
    }

    [Fact]
    public async Task After_an_edit_of_the_report_the_old_bytes_are_never_served()
    {
        await using var server = await TestServer.Start(kestrel: true);
        var key = server.Keys[ApiScope.Read];
        await server.Raw(Target, key);
        var before = await server.Raw(Target, key);
        Assert.Equal(1, server.Shortcuts().Answered);

        var file = Path.Combine(server.Reports, "customer_success.cxr");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("\"Müşteri Başarısı\"", "\"Müşteri Başarısı (yeni)\""));
        await WaitForStatus(server, s => s.GetProperty("generation").GetInt64() >= 2);
        var after = await server.Raw(Target, key);

        // JSON writes the title's Turkish letters as \u escapes.
        Assert.Contains("s\\u0131\",", before);
        Assert.Contains("s\\u0131 (yeni)\",", after);
        Assert.Contains("\r\nX-Cache: miss\r\n", after);
        Assert.Equal(1, server.Shortcuts().Answered);
    }

    [Fact]
    public async Task After_a_data_load_the_old_bytes_are_never_served()
    {
        await using var server = await TestServer.Start(kestrel: true);
        var key = server.Keys[ApiScope.Read];
        var target = "/api/reports/cx_roi?from=2025-11-01&to=2026-10-31";
        await server.Raw(target, key);
        var before = await server.Raw(target, key);
        Assert.Equal(1, server.Shortcuts().Answered);

        static long CostRows(System.Text.Json.JsonElement status) =>
            status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "costs").GetProperty("rows").GetInt64();
        var rows = CostRows(await (await server.Client(ApiScope.Read).GetAsync("/api/status")).Json());
        var costs = Path.Combine(server.Data, "cx_giderleri.csv");
        await File.WriteAllTextAsync(costs, (await File.ReadAllTextAsync(costs)).TrimEnd('\n', '\r') + "\n2026-10;1000000,00;1,00;;1,00\n");
        await WaitForStatus(server, s => CostRows(s) == rows + 1);
        var after = await server.Raw(target, key);

        Assert.Contains("\r\nX-Cache: miss\r\n", after);
        Assert.NotEqual(Header(before, "ETag"), Header(after, "ETag"));
        Assert.Equal(1, server.Shortcuts().Answered);
    }

    [Fact]
    public async Task A_reload_that_changes_nothing_sends_the_next_request_the_full_way_to_the_same_cached_bytes()
    {
        await using var server = await TestServer.Start(kestrel: true);
        var key = server.Keys[ApiScope.Read];
        await server.Raw(Target, key);
        var before = await server.Raw(Target, key);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client(ApiScope.Admin).PostAsync("/api/reload", null)).StatusCode);
        var full = await server.Raw(Target, key);
        var shortcut = await server.Raw(Target, key);

        Assert.Equal(2, server.Shortcuts().Answered);
        Assert.Equal(before, full);
        Assert.Equal(full, shortcut);
    }

    [Fact]
    public async Task On_a_new_UTC_day_the_full_pipeline_answers_first_as_the_default_period_moves_with_the_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero));
        await using var server = await TestServer.Start(kestrel: true, customize: b => b.Services.AddSingleton<TimeProvider>(clock));
        var key = server.Keys[ApiScope.Read];
        const string target = "/api/reports/customer_success?plan=pro"; // no from or to: the report's own period, from today
        await server.Raw(target, key);
        await server.Raw(target, key);
        Assert.Equal(1, server.Shortcuts().Answered);

        clock.Advance(TimeSpan.FromMinutes(2));
        var nextDay = await server.Raw(target, key);
        Assert.Equal(1, server.Shortcuts().Answered);
        var again = await server.Raw(target, key);

        Assert.Equal(2, server.Shortcuts().Answered);
        Assert.Equal(nextDay.Replace("X-Cache: miss", "X-Cache: hit"), again);
    }

    [Theory]
    [InlineData(ApiScope.Read)]
    [InlineData(ApiScope.Run)]
    public async Task On_a_route_that_needs_more_than_the_key_holds_the_full_pipeline_answers_403(ApiScope held)
    {
        await using var server = await TestServer.Start(kestrel: true, customize: b => b.Services.AddSingleton<ICarterModule, AdminReportModule>());
        const string target = "/api/admin-reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro";
        await server.Raw(target, server.Keys[ApiScope.Admin]);
        await server.Raw(target, server.Keys[ApiScope.Admin]);
        Assert.Equal(1, server.Shortcuts().Answered);

        var response = await server.Raw(target, server.Keys[held]);

        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", response);
        Assert.Equal(1, server.Shortcuts().Answered);
    }

    /// <summary>The report route again, under another path that needs the admin scope: what a route needing more than read looks like to the shortcut.</summary>
    private sealed class AdminReportModule : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapGet("/api/admin-reports/{name}", async (string name, HttpContext http, ReportService service, CancellationToken cancellation) =>
                {
                    var served = await service.Document(name, null, http.Request, cancellation);
                    if (served.Value is { } document) ReportShortcut.Remember(http, document);
                    return served.Send(http);
                })
                .RequiresScope(ApiScope.Admin);
    }

    [Fact]
    public async Task After_the_allowed_hosts_change_a_remembered_request_under_a_host_no_longer_allowed_is_refused()
    {
        await using var server = await TestServer.Start(new() { ["AllowedHosts"] = "127.0.0.1" }, kestrel: true);
        var key = server.Keys[ApiScope.Read];
        await server.Raw(Target, key);
        await server.Raw(Target, key);
        Assert.Equal(1, server.Shortcuts().Answered);

        // What an edit of appsettings.json does: the settings reload, and host filtering reads its list again.
        var configuration = (IConfigurationRoot)server.App.Configuration;
        configuration["AllowedHosts"] = "localhost";
        configuration.Reload();
        var response = await server.Raw(Target, key);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", response);
        Assert.Equal(1, server.Shortcuts().Answered);
    }

    [Fact]
    public async Task A_document_of_a_type_the_compression_compresses_is_left_to_it_when_the_client_accepts_compression()
    {
        await using var server = await TestServer.Start(kestrel: true,
            customize: b => b.Services.Configure<ResponseCompressionOptions>(o => o.MimeTypes = ["application/json"]));
        var key = server.Keys[ApiScope.Read];

        await server.Raw(Target, key, headers: "Accept-Encoding: gzip");
        var first = await server.Raw(Target, key, headers: "Accept-Encoding: gzip");
        var second = await server.Raw(Target, key, headers: "Accept-Encoding: gzip");
        Assert.Equal(0, server.Shortcuts().Answered);
        var plain = await server.Raw(Target, key);

        Assert.Contains("\r\nContent-Encoding: gzip\r\n", second);
        Assert.Equal(first, second);
        Assert.Equal(1, server.Shortcuts().Answered);
        Assert.DoesNotContain("Content-Encoding", plain);
        Assert.Contains("{\"report\":\"customer_success\",", plain);
    }

    [Fact]
    public async Task With_the_setting_at_0_nothing_is_remembered()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:ReportShortcuts"] = "0" }, kestrel: true);
        var key = server.Keys[ApiScope.Read];

        await server.Raw(Target, key);
        var second = await server.Raw(Target, key);
        await server.Raw(Target, key);

        Assert.Contains("\r\nX-Cache: hit\r\n", second);
        Assert.Equal(0, server.Shortcuts().Answered);
    }

    [Fact]
    public async Task With_room_for_one_request_a_second_one_makes_room_and_both_are_still_answered_right()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:ReportShortcuts"] = "1" }, kestrel: true);
        var key = server.Keys[ApiScope.Read];
        var other = "/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=basic";

        await server.Raw(Target, key);
        var pro = await server.Raw(Target, key);
        await server.Raw(other, key);
        var basic = await server.Raw(other, key);
        var proAgain = await server.Raw(Target, key);

        // Remembering 'other' overflowed the table (both forgotten): only the second request of each was answered by the shortcut.
        Assert.Equal(2, server.Shortcuts().Answered);
        Assert.Equal(pro, proAgain);
        Assert.NotEqual(Body(pro), Body(basic));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100001")]
    public async Task A_setting_out_of_range_stops_the_start_naming_it(string value)
    {
        var app = CxrServer.Build(new Dictionary<string, string?> { ["Cxr:ReportShortcuts"] = value },
            b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(b.WebHost));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains($"Cxr:ReportShortcuts must be between 0 and 100000 (got {value})", e.Failures);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_setting_that_is_not_a_number_stops_the_start_naming_it()
    {
        var e = Assert.Throws<OptionsValidationException>(() => CxrServer.Build(new Dictionary<string, string?> { ["Cxr:ReportShortcuts"] = "many" }));
        Assert.Contains("Cxr:ReportShortcuts", string.Join("\n", e.Failures));
    }

    private static async Task WaitForStatus(TestServer server, Func<System.Text.Json.JsonElement, bool> until)
    {
        var client = server.Client(ApiScope.Read);
        for (var waited = 0; waited < 15_000; waited += 50)
        {
            if (until(await (await client.GetAsync("/api/status")).Json())) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the server did not take the change in 15 s");
    }

    private static string Header(string response, string name) =>
        response.Split("\r\n").First(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];

    private static string Body(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
