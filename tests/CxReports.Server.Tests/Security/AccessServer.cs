using System.Net;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using CxReports.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Server.Tests.Security;

/// <summary>
/// A server on 127.0.0.1 (real HTTP, so cookies go through a real cookie container) whose clock the tests move, for
/// sessions and share links to expire without waiting.
/// </summary>
public sealed class AccessServer : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public TestServer Server { get; private set; } = null!;
    public Uri Address => new(Server.App.Urls.First());

    public async Task InitializeAsync() => Server = await TestServer.Start(kestrel: true,
        settings: new() { ["Cxr:Access:ShareFrameAncestors:0"] = "https://intranet.example.com" },
        customize: builder => builder.Services.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client that keeps cookies as a browser does and shows redirects instead of following them.</summary>
    public (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };
        return (client, cookies);
    }

    /// <summary>A new key of <paramref name="scope"/>, registered the way an operator does it: written to the warehouse, then a reload.</summary>
    public async Task<string> NewKey(ApiScope scope)
    {
        var key = ApiKeys.Generate();
        var gate = Server.App.Services.GetRequiredService<WarehouseGate>();
        await gate.Run(w => ApiKeyTable.Add(w, key, scope, DateTimeOffset.UtcNow));
        await Reload();
        return key;
    }

    /// <summary>Revokes a key: its row is deleted from the warehouse and the server reloads its keys.</summary>
    public async Task Revoke(string key)
    {
        var gate = Server.App.Services.GetRequiredService<WarehouseGate>();
        await gate.Run(w => w.Execute($"DELETE FROM {ApiKeyTable.Table} WHERE hash = $1", ApiKeys.Hash(key)));
        await Reload();
    }

    private async Task Reload() =>
        Assert.Equal(HttpStatusCode.OK, (await Server.Client(ApiScope.Admin).PostAsync("/api/reload", null)).StatusCode);

    /// <summary>Posts the sign-in form as a browser on this server's page sends it (its Origin).</summary>
    public async Task<HttpResponseMessage> SignIn(HttpClient browser, string key, string? returnPath = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("key", key) };
        if (returnPath is not null) fields.Add(new("return", returnPath));
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", Address.GetLeftPart(UriPartial.Authority));
        return await browser.SendAsync(request);
    }

    /// <summary>A GET as a browser navigating to a page sends it.</summary>
    public static HttpRequestMessage Page(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        return request;
    }
}
