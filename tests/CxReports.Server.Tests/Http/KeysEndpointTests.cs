using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>A server of its own for the keys tests: they count its keys, which no other test may change.</summary>
public sealed class KeysServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.Start();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The admin API of keys: a key created is answered once and admits the next request; a revoked one is refused at
/// once. Only the first test adds a key (and revokes it); the others change none.
/// </summary>
public sealed class KeysEndpointTests(KeysServer keys) : IClassFixture<KeysServer>
{
    private readonly TestServer _server = keys.Server;

    [Fact]
    public async Task A_key_created_by_an_admin_admits_the_next_request_and_once_revoked_is_refused()
    {
        var admin = _server.Client(ApiScope.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/keys", new { scope = "read" })).Json(HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal((ApiKeys.Hash(key)[..8], "read"), (id, created.GetProperty("scope").GetString()));

        var reader = _server.Client();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/reports")).StatusCode);

        // The three keys the test server starts with, then the new one; the keys themselves are never listed.
        var listed = await (await admin.GetAsync("/api/keys")).Json();
        Assert.Equal(4, listed.GetArrayLength());
        Assert.Equal(["read"], listed.EnumerateArray().Where(k => k.GetProperty("id").GetString() == id).Select(k => k.GetProperty("scope").GetString()));
        Assert.DoesNotContain(key, listed.GetRawText());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/reports")).StatusCode);
        var gone = await (await admin.DeleteAsync($"/api/keys/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal("id", gone.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("{\"scope\": \"root\"}", "scope")]
    [InlineData("{\"scope\": 3}", "scope")]
    [InlineData("{}", "scope")]
    [InlineData("[\"read\"]", "body")]
    [InlineData("{\"scope\": ", "body")]
    [InlineData("", "body")]
    public async Task A_body_that_asks_for_no_scope_is_400_naming_what_is_wrong(string body, string parameter)
    {
        var response = await _server.Client(ApiScope.Admin).PostAsync("/api/keys", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("ABCDEF12")]
    [InlineData("abc")]
    [InlineData("cxr_abcdefabcdefabcdefabcdefabcdefabcdefabcdefa")]
    [InlineData("..%2F..%2Fetc")]
    public async Task Revoking_by_something_that_is_no_key_id_is_400_naming_the_id(string id)
    {
        var problem = await (await _server.Client(ApiScope.Admin).DeleteAsync($"/api/keys/{id}")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("id", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Keys_are_managed_with_the_admin_scope_only()
    {
        var run = _server.Client(ApiScope.Run);
        Assert.Equal(HttpStatusCode.Forbidden, (await run.GetAsync("/api/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await run.PostAsJsonAsync("/api/keys", new { scope = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Client().GetAsync("/api/keys")).StatusCode);
    }
}
