using CxReports.Server.Security;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>A run's log lines carry its run id and report (a log scope), so one run's lines can be picked out of many.</summary>
public sealed class RunLogScopeTests
{
    [Fact]
    public async Task Every_line_a_run_logs_carries_its_run_id_and_report_and_the_request_that_started_it()
    {
        await using var server = await TestServer.Start();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports/advocacy/run") { Headers = { { "X-Request-Id", "run-now-1" } } };
        var run = await (await server.Client(ApiScope.Run).SendAsync(request)).Json();
        var runId = run.GetProperty("id").GetString()!;

        var lines = server.LoggedWithScopes().Where(l => l.Scopes.GetValueOrDefault("RunId") == runId).ToArray();
        // started, one folder delivery, ended
        Assert.Equal(3, lines.Length);
        Assert.Equal($"run {runId} of advocacy started (manual)", lines[0].Message);
        Assert.StartsWith($"run {runId}: folder advocacy delivered (attempt 1)", lines[1].Message);
        Assert.Equal($"run {runId} of advocacy ended: delivered", lines[2].Message);
        Assert.All(lines, l => Assert.Equal("advocacy", l.Scopes["Report"]));
        Assert.All(lines, l => Assert.Equal("run-now-1", l.Scopes.GetValueOrDefault("CorrelationId")));
        // and no line that names the run is outside its scope
        Assert.All(server.LoggedWithScopes().Where(l => l.Message.Contains(runId, StringComparison.Ordinal)), l => Assert.Equal(runId, l.Scopes.GetValueOrDefault("RunId")));
    }
}
