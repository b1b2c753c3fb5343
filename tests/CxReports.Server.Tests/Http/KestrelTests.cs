using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>The server on a real Kestrel socket on 127.0.0.1, as <c>cxr serve</c> runs it.</summary>
public sealed class KestrelTests
{
    [Fact]
    public async Task Kestrel_on_loopback_serves_health_and_authenticated_report_json()
    {
        await using var server = await TestServer.Start(kestrel: true);
        var address = new Uri(server.App.Urls.Single());
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);

        using var anonymous = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        await (await anonymous.GetAsync("/api/reports")).Problem(HttpStatusCode.Unauthorized);

        using var client = server.Client(ApiScope.Read);
        var report = await (await client.GetAsync("/api/reports/retention_value?from=2025-11-01&to=2026-10-31")).Json();
        Assert.Equal("retention_value", report.GetProperty("report").GetString());
        var again = await client.GetAsync("/api/reports/retention_value?from=2025-11-01&to=2026-10-31");
        Assert.Equal("hit", again.Header("X-Cache"));
        Assert.False(again.Headers.Contains("Server"));
    }
}
