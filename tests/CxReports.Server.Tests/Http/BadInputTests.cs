using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// Hostile input on every route, over a real socket: each answer is a 4xx problem+json naming the field at fault,
/// never a 500, and quotes nothing raw (control characters escaped, long values cut).
/// </summary>
public sealed class BadInputTests(SharedKestrelServer shared) : IClassFixture<SharedKestrelServer>
{
    private static readonly string Long = new('9', 3000);

    public static TheoryData<string, string, int, string> Requests => new()
    {
        // Years 1 and 9999 overflowed date arithmetic (a 500); the dates a period may name are 1900-01-01 to 2199-12-31.
        { "GET", "/api/reports/customer_success?from=0001-01-01", 400, "from" },
        { "GET", "/api/reports/customer_success?to=9999-12-31", 400, "to" },
        { "GET", "/api/reports/cx_roi?from=9999-01-01&to=9999-12-31", 400, "from" },
        { "GET", "/api/reports/cx_roi?from=1899-12-31&to=2025-12-31", 400, "from" },
        { "GET", "/api/reports/cx_roi?from=2025-01-01&to=2200-01-01", 400, "to" },
        { "GET", "/api/reports/cx_roi.pdf?from=0001-01-01&to=0001-12-31", 400, "from" },
        { "GET", "/api/reports/cx_roi.pdf?to=9999-12-31", 400, "to" },
        { "GET", "/api/reports/cx_roi?from=2026-01-01&to=2025-01-01", 400, "from" },
        { "GET", "/api/reports/cx_roi?from=yesterday", 400, "from" },
        { "GET", "/api/reports/cx_roi?from=2025-01-01%00", 400, "from" },
        { "GET", $"/api/reports/cx_roi?from={Long}", 400, "from" },
        { "GET", "/api/reports/cx_roi?from=2025-01-01&from=2025-02-01", 400, "from" },
        { "GET", "/api/reports/customer_success?plan=pro&plan=basic", 400, "plan" },
        { "GET", "/api/reports/customer_success?plan=%00", 400, "plan" },
        { "GET", "/api/reports/customer_success?nonsense=1", 400, "nonsense" },
        { "GET", "/api/reports/..%2f..%2fetc%2fpasswd", 400, "name" },
        { "GET", "/api/reports/a..b.pdf", 400, "name" },
        { "GET", $"/api/reports/{new string('a', 200)}", 400, "name" },
        { "GET", "/api/reports/cx_roi?format=xlxs", 400, "format" },
        { "GET", "/api/reports/cx_roi?format=%00", 400, "format" },
        { "GET", "/api/reports/cx_roi?format=csv&format=xlsx", 400, "format" },
        { "GET", "/api/reports/cx_roi.pdf?format=xlsx", 400, "format" },
        { "GET", "/api/reports/cx_roi.csv", 400, "block" },
        { "GET", "/api/reports/cx_roi.csv?block=kpi_l", 400, "block" },
        { "GET", "/api/reports/cx_roi.csv?block=..%2f..%2fetc%2fpasswd", 400, "block" },
        { "GET", "/api/reports/cx_roi.csv?block=kpi_1%00", 400, "block" },
        { "GET", "/api/reports/cx_roi.csv?block=", 400, "block" },
        { "GET", $"/api/reports/cx_roi.csv?block={Long}", 400, "block" },
        { "GET", "/api/reports/cx_roi.csv?block=kpi_1&block=kpi_2", 400, "block" },
        { "GET", "/api/reports/cx_roi.xlsx?block=kpi_1", 400, "block" },
        { "GET", "/api/query?q=nps&from=0001-01-01", 400, "from" },
        { "GET", "/api/query?q=nps%20by%20month&from=9999-01-01&to=9999-12-31", 400, "from" },
        { "GET", "/api/query?q=nps&to=9999-12-31", 400, "to" },
        { "GET", "/api/query?q=nps&from=2026-01-01&to=2025-01-01", 400, "from" },
        { "GET", "/api/query?q=nps&from=2025-13-01", 400, "from" },
        { "GET", "/api/query?q=nps&q=csat", 400, "q" },
        { "GET", "/api/query", 400, "q" },
        { "GET", $"/api/query?q={new string('n', 2001)}", 400, "q" },
        { "GET", "/api/query?q=nps&timezone=..%2f..%2fetc%2fpasswd", 400, "timezone" },
        { "GET", "/api/query?q=nps&timezone=%00", 400, "timezone" },
        { "GET", "/api/query?q=nps&form=2025-01-01", 400, "form" },
        { "GET", "/api/runs?report=%2e%2e", 400, "report" },
        { "GET", "/api/runs?report=nope", 404, "report" },
        { "GET", "/api/runs?reprot=cx_roi", 400, "reprot" },
        { "POST", "/api/check?file=..%2f..%2fetc%2fpasswd.cxr", 400, "file" },
        { "POST", "/api/check?file=%00.cxr", 400, "file" },
        { "POST", "/api/check?file=a.cxr&flie=b", 400, "flie" },
        { "POST", "/api/reports/a..b/run", 400, "name" },
        { "POST", "/api/reports/cx_roi/run?from=0001-01-01", 400, "from" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Bad_input_is_a_4xx_problem_naming_the_field(string method, string url, int status, string parameter)
    {
        using var client = shared.Server.Client(ApiScope.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("metric x = nps(responses.score)\n");
            request.Headers.Add("X-CxReports-Request", "1");
        }
        var problem = await (await client.SendAsync(request)).Problem((HttpStatusCode)status);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.DoesNotContain('\0', problem.GetRawText());
        Assert.True(problem.GetRawText().Length < 2000, problem.GetRawText());
    }

    [Fact]
    public async Task A_NUL_or_a_long_value_is_quoted_escaped_and_cut()
    {
        using var client = shared.Server.Client(ApiScope.Read);
        var nul = await (await client.GetAsync("/api/reports/cx_roi?to=2025%00")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("'2025\\u0000' is not a date for 'to' (YYYY-MM-DD)", nul.GetProperty("detail").GetString());
        var longer = await (await client.GetAsync($"/api/reports/cx_roi?to={Long}")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal($"'{new string('9', 77)}...' is not a date for 'to' (YYYY-MM-DD)", longer.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_parameter_value_the_report_cannot_take_is_quoted_escaped_and_cut()
    {
        using var client = shared.Server.Client(ApiScope.Read);
        var nul = await (await client.GetAsync("/api/reports/customer_success?plan=pro%00")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("'pro\\u0000' is not allowed for parameter 'plan'", nul.GetProperty("detail").GetString());
        var longer = await (await client.GetAsync($"/api/reports/customer_success?plan={Long}")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal($"'{new string('9', 77)}...' is not allowed for parameter 'plan'", longer.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/reports/%2e%2e")]
    [InlineData("/api/reports/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/reports/..%2f..%2f")]
    [InlineData("/api/reports/.%2e")]
    public async Task Dot_segments_in_a_report_name_never_reach_a_file(string path)
    {
        using var client = shared.Server.Client(ApiScope.Read);
        var response = await client.GetAsync(path);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_NUL_in_the_path_is_refused_by_Kestrel_before_any_route()
    {
        using var client = shared.Server.Client(ApiScope.Read);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/reports/a%00b")).StatusCode);
    }

    [Theory]
    [InlineData("Bearer \u0001\u0002\u00ff\u00fe")]
    [InlineData("Bearer \u00e9\u00e8 key")]
    [InlineData("Basic \u0000")]
    [InlineData("Bearer")]
    public async Task An_authorization_header_with_odd_bytes_is_a_401(string header)
    {
        using var raw = await RawHttp.Connect(new Uri(shared.Server.App.Urls.Single()));
        await raw.Send($"GET /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {header}\r\nConnection: close\r\n\r\n");
        var (status, text) = await raw.Response();
        // Kestrel refuses a NUL in a header itself (400); any other byte reaches the key check (401).
        Assert.True(status is 401 or 400, text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task A_huge_header_is_a_431_and_a_huge_request_line_a_414()
    {
        var server = new Uri(shared.Server.App.Urls.Single());
        using (var raw = await RawHttp.Connect(server))
        {
            await raw.Send($"GET /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('x', 64 * 1024)}\r\nConnection: close\r\n\r\n");
            Assert.Equal(431, (await raw.Response()).Status);
        }
        using (var raw = await RawHttp.Connect(server))
        {
            await raw.Send($"GET /api/query?q={new string('n', 20 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Assert.Equal(414, (await raw.Response()).Status);
        }
    }

    [Fact]
    public async Task Fifty_requests_at_years_1_and_9999_on_every_route_answer_no_5xx()
    {
        using var client = shared.Server.Client(ApiScope.Admin);
        string[] routes = ["/api/reports/cx_roi", "/api/reports/customer_success", "/api/reports/experience.pdf", "/api/query?q=nps,churn%20by%20month"];
        string[] dates = ["from=0001-01-01", "to=9999-12-31", "from=0001-01-01&to=9999-12-31", "from=9999-12-31", "to=0001-01-02"];
        var statuses = new List<int>();
        for (var round = 0; round < 3; round++)
            foreach (var route in routes)
                foreach (var date in dates)
                    statuses.Add((int)(await client.GetAsync(route + (route.Contains('?') ? "&" : "?") + date)).StatusCode);
        Assert.Equal(60, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(400, s));
    }

}
