using System.Net;
using System.Text.RegularExpressions;
using CxReports.Server.Security;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>
/// The correlation id of a request over real HTTP: the caller's plain X-Request-Id, else the W3C trace id; echoed in the
/// response and carried by every line logged for the request. Anything but a plain token is not taken.
/// </summary>
public sealed partial class RequestCorrelationTests(SharedKestrelServer shared) : IClassFixture<SharedKestrelServer>
{
    private TestServer Server => shared.Server;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();

    [Fact]
    public async Task A_plain_request_id_is_echoed_and_carried_by_every_line_logged_for_the_request()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reload") { Headers = { { "X-Request-Id", "deploy-7f3a.1:retry+2/x=" } } };
        var response = await Server.Client(ApiScope.Admin).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("deploy-7f3a.1:retry+2/x=", response.Header("X-Request-Id"));
        var lines = Server.LoggedWithScopes().Where(l => l.Message.Contains("(POST /api/reload)", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("deploy-7f3a.1:retry+2/x=", l.Scopes.GetValueOrDefault("CorrelationId")));
    }

    /// <summary>
    /// ASP.NET's hosting starts no activity or scope of its own (RequestActivity): the server's make a line logged for
    /// a request carry the caller's trace, a span of it, the request's path and id, as hosting's did.
    /// </summary>
    [Fact]
    public async Task A_line_logged_for_a_request_carries_its_trace_span_path_and_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reload")
        {
            Headers = { { "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" }, { "X-Request-Id", "trace-scope-test" } },
        };
        var response = await Server.Client(ApiScope.Admin).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Server.LoggedWithScopes().Last(l => l.Scopes.GetValueOrDefault("CorrelationId") == "trace-scope-test");
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", line.Scopes.GetValueOrDefault("TraceId"));
        Assert.Equal("00f067aa0ba902b7", line.Scopes.GetValueOrDefault("ParentId"));
        Assert.Matches("^[0-9a-f]{16}$", line.Scopes.GetValueOrDefault("SpanId")!);
        Assert.NotEqual("00f067aa0ba902b7", line.Scopes.GetValueOrDefault("SpanId"));
        Assert.Equal("/api/reload", line.Scopes.GetValueOrDefault("RequestPath"));
        Assert.False(string.IsNullOrEmpty(line.Scopes.GetValueOrDefault("RequestId")));
    }

    /// <summary>An operator who asks for hosting's request lines gets them, under hosting's own activity (not a second one).</summary>
    [Fact]
    public async Task Hostings_request_lines_come_back_when_its_category_is_configured()
    {
        await using var server = await TestServer.Start(new() { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" }, kestrel: true);
        var traced = new HttpRequestMessage(HttpMethod.Get, "/api/reports") { Headers = { { "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } } };

        var response = await server.Client(ApiScope.Read).SendAsync(traced);

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", response.Header("X-Request-Id"));
        var starting = server.LoggedWithScopes().Where(l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.Message.StartsWith("Request starting", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(starting);
        Assert.Contains(starting, l => l.Scopes.GetValueOrDefault("TraceId") == "0af7651916cd43dd8448eb211c80319c");
        Assert.DoesNotContain(Server.LoggedWithScopes(), l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics");
    }

    [Fact]
    public async Task Without_a_request_id_the_correlation_id_is_the_w3c_trace_id_the_caller_sent_or_a_new_one()
    {
        var traced = new HttpRequestMessage(HttpMethod.Get, "/api/reports") { Headers = { { "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } } };
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", (await Server.Client(ApiScope.Read).SendAsync(traced)).Header("X-Request-Id"));

        var first = (await Server.Client(ApiScope.Read).GetAsync("/api/reports")).Header("X-Request-Id");
        var second = (await Server.Client(ApiScope.Read).GetAsync("/api/reports")).Header("X-Request-Id");
        Assert.Matches(TraceId(), first);
        Assert.Matches(TraceId(), second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Refusals_echo_the_id_too()
    {
        foreach (var (url, status) in new[] { ("/api/reports", HttpStatusCode.Unauthorized), ("/nowhere", HttpStatusCode.Unauthorized), ("/health/nowhere", HttpStatusCode.Unauthorized) })
        {
            var response = await Server.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "X-Request-Id", "abc-123" } } });
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("abc-123", response.Header("X-Request-Id"));
        }
        var unknown = await Server.Client(ApiScope.Read).SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/reports/nope") { Headers = { { "X-Request-Id", "abc-124" } } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("abc-124", unknown.Header("X-Request-Id"));
    }

    public static TheoryData<string> Refused => new()
    {
        new string('a', 129),
        "two words",
        "quote\"d",
        "angle<script>",
        "semi;colon",
        "tab\there",
        "%0d%0aInjected: yes",
        "",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_request_id_that_is_not_a_plain_token_of_at_most_128_characters_is_replaced_by_the_trace_id(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        Assert.True(request.Headers.TryAddWithoutValidation("X-Request-Id", header));
        var response = await Server.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(TraceId(), response.Header("X-Request-Id"));
    }

    [Fact]
    public async Task The_longest_plain_id_is_kept_and_two_ids_are_not()
    {
        var longest = new string('b', 128);
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Request-Id", longest } } };
        Assert.Equal(longest, (await Server.Client().SendAsync(request)).Header("X-Request-Id"));

        var twice = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        twice.Headers.Add("X-Request-Id", ["one", "two"]);
        Assert.Matches(TraceId(), (await Server.Client().SendAsync(twice)).Header("X-Request-Id"));
    }

    [Theory]
    [InlineData("abc\u0001def")]
    [InlineData("abc\u001b[31mred")]
    [InlineData("abc\u007fdel")]
    [InlineData("abc\u00ffdef")]
    public async Task Control_bytes_in_the_request_id_never_reach_the_answer_or_the_log(string header)
    {
        using var raw = await RawHttp.Connect(new Uri(Server.App.Urls.First()));
        await raw.Send($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: {header}\r\nConnection: close\r\n\r\n");
        var (status, text) = await raw.Response();

        Assert.True(status is 200 or 400, text);
        if (status == 200) Assert.Matches(@"X-Request-Id: [0-9a-f]{32}\r\n", text);
        Assert.DoesNotContain(Server.LoggedWithScopes(), l => l.Scopes.Values.Any(v => v is not null && v.Contains("abc", StringComparison.Ordinal)));
    }
}
