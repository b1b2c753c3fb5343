using System.Net;
using System.Net.Http.Headers;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

[Collection(SharedServerCollection.Name)]
public sealed class AuthTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    public static TheoryData<string, string> ApiRoutes => new()
    {
        { "GET", "/api/reports" },
        { "GET", "/api/reports/advocacy" },
        { "GET", "/api/reports/advocacy.pdf" },
        { "GET", "/api/query?q=nps" },
        { "POST", "/api/check" },
        { "POST", "/api/reload" },
        { "GET", "/api/status" },
        { "GET", "/api/runs" },
        { "POST", "/api/reports/advocacy/run" },
    };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Every_api_route_without_a_key_is_401_with_a_bearer_challenge(string method, string url)
    {
        var response = await Server.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("") });
        var problem = await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("cxr keys create", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Bearer cxr_not-a-key-anyone-has-made-0000000000000000")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task An_unknown_key_or_another_scheme_is_401(string header)
    {
        var client = Server.Client();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(header);
        var response = await client.GetAsync("/api/reports");
        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(ApiScope.Read, "POST", "/api/reload", "admin")]
    [InlineData(ApiScope.Run, "POST", "/api/reload", "admin")]
    [InlineData(ApiScope.Read, "POST", "/api/reports/advocacy/run", "run")]
    public async Task A_key_without_the_scope_an_operation_needs_is_403_naming_both(ApiScope held, string method, string url, string needed)
    {
        var response = await Server.Client(held).SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var problem = await response.Problem(HttpStatusCode.Forbidden);
        Assert.Equal($"this key has scope '{held.ToString().ToLowerInvariant()}'; {method} {url} needs scope '{needed}'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Higher_scopes_include_lower_ones()
    {
        Assert.Equal(HttpStatusCode.OK, (await Server.Client(ApiScope.Admin).GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.Client(ApiScope.Run).GetAsync("/api/status")).StatusCode);
        // run-now passes auth with a run or admin key
        var run = await (await Server.Client(ApiScope.Run).PostAsync("/api/reports/advocacy/run", null)).Json();
        Assert.Equal("manual", run.GetProperty("trigger").GetString());
        await (await Server.Client(ApiScope.Admin).PostAsync("/api/reports/nope/run", null)).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_openapi_document_need_no_key(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await Server.Client().GetAsync(url)).StatusCode);

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var stored = await Task.Run(() =>
        {
            var registry = (ApiKeyRegistry)Server.App.Services.GetService(typeof(ApiKeyRegistry))!;
            return Server.Keys.Values.Select(k => registry.Find(k)).ToArray();
        });
        Assert.All(stored, s => Assert.NotNull(s));
        Assert.All(stored, s => Assert.DoesNotContain(Server.Keys.Values, k => k == s!.Hash || k.Contains(s.Hash)));
        Assert.All(Server.Keys.Values, k => Assert.Matches("^cxr_[A-Za-z0-9_-]{43}$", k));
    }
}
