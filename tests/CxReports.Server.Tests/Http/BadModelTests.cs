using System.Net;
using System.Text.Json;
using CxReports.Dsl.Binding;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxReports.Server.Tests.Http;

/// <summary>No report file, however wrong, and no failure while compiling one, stops the server or its last good model.</summary>
public sealed class BadModelTests
{
    private const string Period = "?from=2025-11-01&to=2026-10-31";

    [Fact]
    public async Task Report_files_with_errors_at_start_leave_the_server_running_saying_why_everywhere_until_they_are_fixed()
    {
        string? advocacy = null;
        await using var server = await TestServer.Start(kestrel: true, editReports: reports =>
        {
            advocacy = Path.Combine(reports, "advocacy.cxr");
            File.WriteAllText(advocacy, File.ReadAllText(advocacy).Replace("kpi nps, nps_margin", "kpi nsp, nps_margin"));
        });
        var client = server.Client(ApiScope.Read);

        var status = await (await client.GetAsync("/api/status")).Json();
        Assert.Equal(0, status.GetProperty("generation").GetInt64());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("dataVersion").ValueKind);
        var diagnostic = status.GetProperty("lastRefusedChange").GetProperty("diagnostics")[0];
        Assert.Equal(("advocacy.cxr", "CXR010"), (diagnostic.GetProperty("file").GetString(), diagnostic.GetProperty("code").GetString()));

        var ready = await server.Client().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("error(s) in the report files", (await ready.Json(HttpStatusCode.ServiceUnavailable)).GetProperty("checks")[0].GetProperty("description").GetString());

        foreach (var path in new[] { "/api/reports", "/api/reports/experience" + Period, "/api/query?q=nps" })
        {
            var refused = await client.GetAsync(path);
            var problem = await refused.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("No model is serving", problem.GetProperty("title").GetString());
            Assert.Contains("GET /api/status", problem.GetProperty("detail").GetString());
            Assert.True(refused.Headers.RetryAfter is not null, $"{path} tells when to retry");
        }
        Assert.Contains(server.Logged(), l => l.Level == LogLevel.Error && l.Message.Contains("NO REPORTS ARE SERVED"));
        Assert.Contains(server.Logged(), l => l.Level == LogLevel.Error && l.Message.Contains("advocacy.cxr") && l.Message.Contains("CXR010"));

        // Fixed while running: the watcher picks the files up and the server serves them.
        await File.WriteAllTextAsync(advocacy!, (await File.ReadAllTextAsync(advocacy!)).Replace("kpi nsp, nps_margin", "kpi nps, nps_margin"));
        await WaitFor(client, s => s.GetProperty("generation").GetInt64() == 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reports/advocacy" + Period)).StatusCode);
        Assert.Equal("Healthy", (await (await server.Client().GetAsync("/health/ready")).Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_exception_while_compiling_a_change_refuses_it_and_the_last_good_model_keeps_serving()
    {
        // A compiler that fails the way a bug would, on the one file that carries the marker.
        await using var server = await TestServer.Start(kestrel: true, customize: builder =>
            builder.Services.AddSingleton<CompileModel>(files =>
                files.Any(f => f.Text.Contains("# trips the compiler")) ? throw new InvalidOperationException("a bug in the binder") : ModelBinder.Compile(files)));
        var client = server.Client(ApiScope.Read);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reports/experience" + Period)).StatusCode);

        await File.WriteAllTextAsync(Path.Combine(server.Reports, "extra.cxr"), "# trips the compiler\n");
        var status = await WaitFor(client, s => s.GetProperty("lastRefusedChange").ValueKind != JsonValueKind.Null);
        Assert.Equal(1, status.GetProperty("generation").GetInt64());
        var message = status.GetProperty("lastRefusedChange").GetProperty("message").GetString();
        Assert.Contains("internal error", message);
        Assert.Contains("InvalidOperationException", message);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reports/experience" + Period)).StatusCode);
        Assert.Equal("Degraded", (await (await server.Client().GetAsync("/health/ready")).Json()).GetProperty("status").GetString());
        Assert.Contains(server.Logged(), l => l.Level == LogLevel.Error && l.Message.Contains("reloading the model failed unexpectedly"));

        // The same failure through POST /api/reload: a refusal, not a 500.
        var reload = await server.Client(ApiScope.Admin).PostAsync("/api/reload", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
    }

    private static async Task<JsonElement> WaitFor(HttpClient client, Func<JsonElement, bool> until)
    {
        for (var waited = 0; waited < 15_000; waited += 50)
        {
            var status = await (await client.GetAsync("/api/status")).Json();
            if (until(status)) return status;
            await Task.Delay(50);
        }
        throw new TimeoutException("the server did not pick up the change in 15 s");
    }
}
