using System.Net;
using System.Text;
using CxReports.Server.Host;
using CxReports.Server.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// Serving without keys is safe on a developer machine only if nothing but that machine's own pages can reach it: auth
/// off only on loopback, Host names limited to the listening names (DNS rebinding), cross-site POSTs refused (CSRF).
/// Over a real socket on 127.0.0.1.
/// </summary>
public sealed class LocalModeTests(LocalModeTests.NoAuthServer shared) : IClassFixture<LocalModeTests.NoAuthServer>
{
    /// <summary>A server with auth off on 127.0.0.1 that nothing changes (reload finds nothing new).</summary>
    public sealed class NoAuthServer : IAsyncLifetime
    {
        public TestServer Server { get; private set; } = null!;
        public async Task InitializeAsync() => Server = await TestServer.Start(new() { ["Cxr:Auth:Enabled"] = "false" }, kestrel: true);
        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private Uri Address => new(shared.Server.App.Urls.Single());

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:80")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.")]
    public async Task A_Host_header_naming_another_host_is_refused(string host)
    {
        using var raw = await RawHttp.Connect(Address);
        await raw.Send($"GET /api/reports HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        var (status, text) = await raw.Response();
        Assert.Equal(400, status);
        Assert.Contains("Content-Type: application/problem+json", text);
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task The_loopback_names_are_answered(string host)
    {
        using var raw = await RawHttp.Connect(Address);
        await raw.Send($"GET /api/reports HTTP/1.1\r\nHost: {host}:{Address.Port}\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, (await raw.Response()).Status);
    }

    [Theory]
    [InlineData("/api/reload")]
    [InlineData("/api/reports/advocacy/run")]
    public async Task A_cross_site_text_plain_post_to_a_state_changing_route_is_refused(string path)
    {
        using var client = shared.Server.Client();
        var problem = await (await client.PostAsync(path, new StringContent("x", Encoding.UTF8, "text/plain"))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("X-CxReports-Request", problem.GetProperty("header").GetString());
        Assert.Equal($"POST {path} changes the server: send the header 'X-CxReports-Request: 1' (or a JSON body), which a page on another site cannot make a browser send",
            problem.GetProperty("detail").GetString());
        // A form post (no body type a page could not send either) is refused the same way.
        await (await client.PostAsync(path, new FormUrlEncodedContent([]))).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_custom_header_or_a_JSON_body_lets_a_local_tool_reload()
    {
        using var client = shared.Server.Client();
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/reload") { Headers = { { "X-CxReports-Request", "1" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/reload", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/reload")
        {
            Headers = { { "X-CxReports-Request", "1" }, { "Origin", $"http://127.0.0.1:{Address.Port}" } },
        };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(sameOrigin)).StatusCode);
    }

    [Theory]
    [InlineData("/api/reload", "https://evil.example")]
    [InlineData("/api/reload", "null")]
    [InlineData("/api/check", "https://evil.example")]
    [InlineData("/api/reports/advocacy/run", "http://127.0.0.1:1")]
    public async Task An_Origin_other_than_this_server_is_refused_even_with_the_header(string path, string origin)
    {
        using var client = shared.Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Headers = { { "X-CxReports-Request", "1" }, { "Origin", origin } },
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        var problem = await (await client.SendAsync(request)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("Origin", problem.GetProperty("header").GetString());
    }

    [Fact]
    public async Task A_browser_saying_cross_site_is_refused()
    {
        using var client = shared.Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reload") { Headers = { { "X-CxReports-Request", "1" }, { "Sec-Fetch-Site", "cross-site" } } };
        var problem = await (await client.SendAsync(request)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("Sec-Fetch-Site", problem.GetProperty("header").GetString());
    }

    [Fact]
    public async Task Checking_text_needs_no_header_it_changes_nothing_and_its_answer_cannot_be_read_cross_site()
    {
        using var client = shared.Server.Client();
        var response = await client.PostAsync("/api/check", new StringContent("metric x = nps(responses.score)\n", Encoding.UTF8, "text/plain"));
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task With_a_key_the_header_is_not_needed()
    {
        await using var server = await TestServer.Start(kestrel: true);
        using var client = server.Client(ApiScope.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/reload", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://*:0")]
    [InlineData("http://127.0.0.1:0;http://192.0.2.1:0")]
    [InlineData("http://example.com:0")]
    public async Task Auth_off_on_an_address_other_machines_reach_is_refused_before_listening(string urls)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestServer.Start(new() { ["Cxr:Auth:Enabled"] = "false", ["urls"] = urls }, kestrel: true));
        var line = Assert.Single(refused.Failures);
        Assert.StartsWith("Cxr:Auth:Enabled=false (--no-auth) is allowed only on loopback addresses (localhost, 127.0.0.1, [::1]), and 'http", line);
    }

    [Theory]
    [InlineData("http://[::1]:0")]
    [InlineData("http://127.0.0.1:0;http://[::1]:0")]
    public async Task Auth_off_on_loopback_addresses_starts(string urls)
    {
        await using var server = await TestServer.Start(new() { ["Cxr:Auth:Enabled"] = "false", ["urls"] = urls }, kestrel: true);
        Assert.NotEmpty(server.App.Urls);
    }

    [Fact]
    public void The_allowed_hosts_are_the_loopback_names_and_the_named_listening_hosts()
    {
        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "reports.internal"], Addresses("http://reports.internal:8080;http://127.0.0.1:5080")!);
        Assert.Null(Addresses("http://0.0.0.0:8080")); // names unknown: any, which only a key-holding caller can use
        Assert.Equal("http://reports.internal:8080", ListeningAddresses.From(Config("http://127.0.0.1:1;http://reports.internal:8080"), CxrServer.DefaultUrl).FirstNonLoopback);
        Assert.Null(ListeningAddresses.From(Config(null), CxrServer.DefaultUrl).FirstNonLoopback);
        Assert.Null(ListeningAddresses.From(Config("http://localhost:5080;https://[::1]:5081"), CxrServer.DefaultUrl).FirstNonLoopback);
    }

    private static IReadOnlyList<string>? Addresses(string urls) => ListeningAddresses.From(Config(urls), CxrServer.DefaultUrl).AllowedHosts();

    private static IConfiguration Config(string? urls) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
}
