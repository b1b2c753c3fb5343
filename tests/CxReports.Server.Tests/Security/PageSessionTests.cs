using System.Net;
using System.Text;
using CxReports.Server.Security;
using CxReports.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxReports.Server.Tests.Security;

/// <summary>Signing in to the pages with an API key: the session cookie, what it reaches, and everything that ends or refuses it.</summary>
public sealed class PageSessionTests(AccessServer access) : IClassFixture<AccessServer>
{
    private TestServer Server => access.Server;

    [Fact]
    public async Task The_sign_in_form_is_one_password_field_without_script_under_a_strict_content_security_policy()
    {
        var (browser, _) = access.Browser();
        var response = await browser.SendAsync(AccessServer.Page("/signin?return=/reports/advocacy"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<input id=\"key\" name=\"key\" type=\"password\"", html);
        Assert.Contains("<label for=\"key\">", html);
        Assert.Contains("name=\"return\" value=\"/reports/advocacy\"", html);
        Assert.DoesNotContain("<script", html);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task Sign_in_sets_an_HttpOnly_SameSite_Strict_session_cookie_that_reaches_routes_needing_the_read_scope()
    {
        var (browser, cookies) = access.Browser();
        var key = Server.Keys[ApiScope.Read];
        var response = await access.SignIn(browser, key, "/api/reports");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/api/reports", response.Headers.Location?.OriginalString);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cxr_session=", StringComparison.Ordinal));
        var attributes = setCookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToArray();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        // Plain HTTP on loopback: a Secure cookie would never be sent back, so Secure follows the request's scheme.
        Assert.DoesNotContain("secure", attributes);
        // The session lasts Cxr:Access:SessionMinutes (8 hours by default) from the server's clock.
        var expires = DateTimeOffset.Parse(attributes.Single(a => a.StartsWith("expires=", StringComparison.Ordinal))["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires.ToUnixTimeSeconds() - access.Clock.GetUtcNow().AddHours(8).ToUnixTimeSeconds(), -2, 2);
        var session = cookies.GetCookies(access.Address)["cxr_session"]!.Value;
        Assert.DoesNotContain(key, session);
        Assert.DoesNotContain(key[4..20], session);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/reports/customer_success.pdf?from=2026-01-01&to=2026-01-31")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/metrics")).StatusCode);
        // A page needing the read scope is reached: the index itself, no redirect to sign in.
        var index = await browser.SendAsync(AccessServer.Page("/"));
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_session_holds_its_keys_scope_and_no_more()
    {
        var (browser, _) = access.Browser();
        await access.SignIn(browser, Server.Keys[ApiScope.Read]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports/advocacy/run");
        request.Headers.Add(CrossSiteRequestGuard.RequestHeader, "1");
        var problem = await (await browser.SendAsync(request)).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("needs scope 'run'", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("cxr_not-a-key-anyone-has-made-0000000000000000")]
    [InlineData("")]
    [InlineData("cxr_\0")]
    [InlineData("cxr_\r\nSet-Cookie: x=1")]
    public async Task A_key_that_is_not_accepted_is_told_only_that_and_gets_no_cookie(string key)
    {
        var (browser, cookies) = access.Browser();
        var response = await access.SignIn(browser, key);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That key was not accepted.", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(cookies.GetCookies(access.Address));
        if (key.Length > 0) Assert.DoesNotContain(key, html);
    }

    [Fact]
    public async Task A_very_long_key_and_a_key_given_twice_are_not_accepted_either()
    {
        var (browser, _) = access.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await access.SignIn(browser, Server.Keys[ApiScope.Read] + new string('a', 1000))).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new StringContent($"key={Server.Keys[ApiScope.Read]}&key={Server.Keys[ApiScope.Admin]}", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", access.Address.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_sessions_at_once()
    {
        var key = await access.NewKey(ApiScope.Read);
        var (browser, _) = access.Browser();
        await access.SignIn(browser, key);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/reports")).StatusCode);

        await access.Revoke(key);

        await (await browser.GetAsync("/api/reports")).Problem(HttpStatusCode.Unauthorized);
        var page = await browser.SendAsync(AccessServer.Page("/reports/advocacy"));
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/signin?return=%2Freports%2Fadvocacy", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_session_ends_when_its_lifetime_has_passed_on_the_servers_clock()
    {
        var (browser, _) = access.Browser();
        await access.SignIn(browser, Server.Keys[ApiScope.Read]);
        access.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/reports")).StatusCode);
        access.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await browser.GetAsync("/api/reports")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (browser, cookies) = access.Browser();
        await access.SignIn(browser, Server.Keys[ApiScope.Read]);
        var stolen = cookies.GetCookies(access.Address)["cxr_session"]!.Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/signout");
        request.Headers.Add("Origin", access.Address.GetLeftPart(UriPartial.Authority));
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.OriginalString);
        Assert.Empty(cookies.GetCookies(access.Address));
        await (await browser.GetAsync("/api/reports")).Problem(HttpStatusCode.Unauthorized);
        Assert.NotEmpty(stolen);
    }

    [Theory]
    [InlineData("/reports/customer_success?plan=pro", "/signin?return=%2Freports%2Fcustomer_success%3Fplan%3Dpro")]
    [InlineData("/", "/signin?return=%2F")]
    public async Task A_page_without_a_session_is_sent_to_sign_in_and_back(string page, string location)
    {
        var (browser, _) = access.Browser();
        var response = await browser.SendAsync(AccessServer.Page(page));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/reports")]
    [InlineData("/metrics")]
    public async Task An_api_request_without_a_key_still_gets_401_problem_json_even_when_it_accepts_html(string url)
    {
        var (browser, _) = access.Browser();
        var request = AccessServer.Page(url);
        var response = await browser.SendAsync(request);
        if (url.StartsWith("/api", StringComparison.Ordinal)) await response.Problem(HttpStatusCode.Unauthorized);
        else Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        await (await browser.GetAsync(url)).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("/ok\r\nSet-Cookie: x=1")]
    [InlineData("/ok\0")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/signin")]
    [InlineData("")]
    public async Task A_return_address_that_is_not_a_local_path_sends_the_browser_home(string back)
    {
        var (browser, _) = access.Browser();
        var response = await access.SignIn(browser, Server.Keys[ApiScope.Read], back);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var form = await (await browser.SendAsync(AccessServer.Page("/signin?return=" + Uri.EscapeDataString(back)))).Content.ReadAsStringAsync();
        Assert.Contains("name=\"return\" value=\"/\"", form);
    }

    [Theory]
    [InlineData("https://evil.example", null, HttpStatusCode.Forbidden)]
    [InlineData(null, "cross-site", HttpStatusCode.Forbidden)]
    [InlineData(null, null, HttpStatusCode.Forbidden)]
    public async Task A_sign_in_posted_from_another_site_or_not_from_a_browser_is_refused(string? origin, string? fetchSite, HttpStatusCode expected)
    {
        var (browser, cookies) = access.Browser();
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent([new("key", Server.Keys[ApiScope.Read])]),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        await (await browser.SendAsync(request)).Problem(expected);
        Assert.Empty(cookies.GetCookies(access.Address));
    }

    [Fact]
    public async Task A_sign_in_body_past_its_limit_is_413_naming_the_setting()
    {
        var (browser, _) = access.Browser();
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new StringContent("key=" + new string('a', 5000), Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", access.Address.GetLeftPart(UriPartial.Authority));
        var problem = await (await browser.SendAsync(request)).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Cxr:Access:MaxFormBytes", problem.GetProperty("limit").GetString());

        var json = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new StringContent("{\"key\":\"x\"}", Encoding.UTF8, "application/json") };
        json.Headers.Add("Origin", access.Address.GetLeftPart(UriPartial.Authority));
        await (await browser.SendAsync(json)).Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_session_key_ring_is_kept_owner_only_next_to_the_warehouse()
    {
        var (browser, _) = access.Browser();
        await access.SignIn(browser, Server.Keys[ApiScope.Read]);
        var directory = Path.Combine(Server.Data, SecretsDirectory.DefaultName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        var keyFiles = Directory.GetFiles(directory, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task A_session_survives_a_restart_because_the_key_ring_is_kept_on_disk()
    {
        var secrets = Directory.CreateTempSubdirectory("cxr-secrets-").FullName;
        var settings = new Dictionary<string, string?> { ["Cxr:Access:SecretsDirectory"] = secrets };
        string key, session;
        await using (var first = await TestServer.Start(settings, kestrel: true))
        {
            key = first.Keys[ApiScope.Read];
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(first.App.Urls.First()) };
            var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent([new("key", key)]) };
            request.Headers.Add("Origin", first.App.Urls.First());
            Assert.Equal(HttpStatusCode.SeeOther, (await browser.SendAsync(request)).StatusCode);
            session = cookies.GetCookies(browser.BaseAddress!)["cxr_session"]!.Value;
        }

        await using var second = await TestServer.Start(settings, kestrel: true);
        HttpRequestMessage WithSession() => new(HttpMethod.Get, "/api/reports") { Headers = { { "Cookie", $"cxr_session={session}" } } };
        // The second server has its own keys: the session's key is not registered there, so the session is refused...
        await (await second.Client().SendAsync(WithSession())).Problem(HttpStatusCode.Unauthorized);
        // ...until the key is, and then the ticket the first server sealed opens with the key ring both share.
        await second.App.Services.GetRequiredService<CxReports.Server.Serving.WarehouseGate>().Run(w => ApiKeyTable.Add(w, key, ApiScope.Read, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, (await second.Client(ApiScope.Admin).PostAsync("/api/reload", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client().SendAsync(WithSession())).StatusCode);
        Directory.Delete(secrets, recursive: true);
    }
}
