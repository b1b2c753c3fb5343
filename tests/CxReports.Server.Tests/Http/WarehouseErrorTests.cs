using System.Net;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// A statement the warehouse refuses (here: a source table dropped behind the server's back) reaches the client as a
/// short problem with a traceId; DuckDB's message and the SQL are only in the server log, under the same id.
/// </summary>
public sealed class WarehouseErrorTests
{
    [Fact]
    public async Task A_warehouse_error_answers_a_traceId_and_keeps_its_message_in_the_log()
    {
        await using var server = await TestServer.Start(kestrel: true);
        server.App.Services.GetRequiredService<WarehouseGate>().Use(w => w.Execute("DROP TABLE responses"));
        using var client = server.Client(ApiScope.Read);

        var response = await client.GetAsync("/api/query?q=nps%20by%20month&from=2025-01-01&to=2025-06-30");
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.Problem(HttpStatusCode.InternalServerError);

        Assert.Equal("Warehouse error", problem.GetProperty("title").GetString());
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Equal($"the warehouse could not compute this answer; the server log has the details under traceId {traceId}", problem.GetProperty("detail").GetString());
        foreach (var secret in new[] { "responses", "Catalog", "SELECT", "LINE", "DuckDB", " at " })
            Assert.DoesNotContain(secret, text);
        var logged = Assert.Single(server.Logged(), e => e.Level == LogLevel.Error && e.Message.Contains(traceId, StringComparison.Ordinal));
        Assert.Contains("responses", logged.Message);

        // A report over the same source: the same kind of answer.
        var report = await client.GetAsync("/api/reports/experience?from=2025-01-01&to=2025-06-30");
        var reportText = await report.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, report.StatusCode);
        Assert.DoesNotContain("responses", reportText);
        Assert.Contains("traceId", reportText);
    }
}
