using System.Text.Json;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;
using CxReports.Server.Tests.Cli;
using CxReports.Server.Tests.Delivery;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>
/// The real <c>cxr serve</c> with <c>Logging__Console__FormatterName=json</c>: its log on stderr is one JSON object a
/// line, with the scopes (correlation id, run id, report) as properties, and no key in any line.
/// </summary>
public sealed class JsonConsoleLogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-json-log-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Json_log_lines_carry_the_correlation_id_of_their_request_and_the_run_id_of_their_run()
    {
        var reports = Path.Combine(_root, "reports");
        var data = Path.Combine(_root, "data");
        TestServer.CopyDirectory(Path.Combine(CliRunner.RepositoryRoot(), "reports"), reports);
        TestServer.CopyDirectory(TestServer.DemoData, data);
        var admin = ApiKeys.Generate();
        using (var warehouse = Warehouses.Open(new WarehouseOptions(data)))
            ApiKeyTable.Add(warehouse, admin, ApiScope.Admin, DateTimeOffset.UtcNow);

        string runId;
        string log;
        using (var server = ServeProcess.Start(reports, data, new Dictionary<string, string>
               {
                   ["Logging__Console__FormatterName"] = "json",
                   ["Delivery__OutputRoot"] = Path.Combine(_root, "out"),
               }))
        {
            var client = server.Client(admin);
            var reload = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reload") { Headers = { { "X-Request-Id", "json-7" } } });
            Assert.Equal("json-7", reload.Header("X-Request-Id"));
            runId = (await (await client.PostAsync("/api/reports/advocacy/run", null)).Json()).GetProperty("id").GetString()!;
            log = server.Stderr;
        }

        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.All(lines, l => Assert.True(l.TryGetProperty("Timestamp", out _) && l.TryGetProperty("LogLevel", out _) && l.TryGetProperty("Category", out _)));
        var reloaded = Assert.Single(lines, l => l.GetProperty("Message").GetString()!.Contains("(POST /api/reload)", StringComparison.Ordinal));
        Assert.Equal("json-7", Scope(reloaded, "CorrelationId"));
        var ofRun = lines.Where(l => Scope(l, "RunId") == runId).ToArray();
        Assert.Equal(3, ofRun.Length);
        Assert.All(ofRun, l => Assert.Equal("advocacy", Scope(l, "Report")));
        Assert.Equal($"run {runId} of advocacy ended: delivered", ofRun[^1].GetProperty("Message").GetString());
        Assert.DoesNotContain(admin, log);
    }

    /// <summary>The value named <paramref name="name"/> in any of the line's scopes.</summary>
    private static string? Scope(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _))
                .Select(s => s.GetProperty(name).GetString()).FirstOrDefault()
            : null;
}
