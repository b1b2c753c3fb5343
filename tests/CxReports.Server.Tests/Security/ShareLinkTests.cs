using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxReports.Server.Host;
using CxReports.Server.Security;
using CxReports.Server.Tests.Http;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Tests.Security;

/// <summary>Share links: minted by a run key, opened without one, with fixed parameters, until they expire or the secret is rotated.</summary>
public sealed class ShareLinkTests(AccessServer access) : IClassFixture<AccessServer>
{
    private TestServer Server => access.Server;

    private const string ProQuarter = """{"from": "2026-01-01", "to": "2026-03-31", "parameters": {"plan": "pro"}, "expiresIn": "1h"}""";

    private async Task<(string Url, DateTimeOffset ExpiresAt)> Mint(string report, string body, ApiScope scope = ApiScope.Run)
    {
        var response = await Server.Client(scope).PostAsync($"/api/reports/{report}/share", new StringContent(body, Encoding.UTF8, "application/json"));
        var link = await response.Json();
        return (link.GetProperty("url").GetString()!, link.GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>The link's path, as an anonymous browser asks for it.</summary>
    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private static HttpClient Anonymous(AccessServer access) => access.Browser().Client;

    [Fact]
    public async Task A_run_key_mints_a_link_that_opens_the_report_with_its_parameters_without_a_key()
    {
        var minted = access.Clock.GetUtcNow();
        var (url, expiresAt) = await Mint("customer_success", ProQuarter);
        Assert.StartsWith($"{access.Address.GetLeftPart(UriPartial.Authority)}/share/", url);
        Assert.InRange((expiresAt - minted).TotalSeconds, 3599, 3600);

        var shared = await (await Anonymous(access).GetAsync(PathOf(url) + ".json")).Json();
        Assert.Equal("customer_success", shared.GetProperty("report").GetString());
        Assert.Equal("2026-01-01", shared.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-03-31", shared.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal("pro", shared.GetProperty("params").GetProperty("plan").GetString());
        var direct = await (await Server.Client(ApiScope.Read).GetAsync("/api/reports/customer_success?from=2026-01-01&to=2026-03-31&plan=pro")).Json();
        Assert.Equal(direct.GetProperty("sections").GetRawText(), shared.GetProperty("sections").GetRawText());

        var pdf = await Anonymous(access).GetAsync(PathOf(url) + ".pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task The_bare_link_is_the_reports_page_with_the_links_view_no_form_and_the_links_own_downloads()
    {
        var (url, _) = await Mint("customer_success", ProQuarter);
        var page = await (await Anonymous(access).GetAsync(PathOf(url) + "?plan=basic&from=2020-01-01")).Html();
        var json = await (await Anonymous(access).GetAsync(PathOf(url) + ".json")).Json();
        Assert.Equal(json.GetProperty("title").GetString(), page.QuerySelector("h1")!.TextContent);
        var expected = PageHtml.ExpectedKpis(json, "kpi_1");
        var tiles = page.QuerySelectorAll("#block-kpi_1 .kpi-value").Select(t => t.TextContent).ToArray();
        Assert.Equal(expected.Select(k => k.Value), tiles);
        // The view is the link's: no form to change it, no API download that would need a key.
        Assert.Empty(page.QuerySelectorAll("form"));
        Assert.Empty(page.QuerySelectorAll("a[href^='/api/']"));
        Assert.Equal([PathOf(url) + ".pdf", PathOf(url) + ".json"], page.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")!).ToArray());
    }

    [Fact]
    public async Task The_query_string_cannot_change_a_links_parameters()
    {
        var (url, _) = await Mint("customer_success", ProQuarter);
        var shared = await (await Anonymous(access).GetAsync(PathOf(url) + ".json?plan=basic&from=2020-01-01&to=2020-12-31&format=csv")).Json();
        Assert.Equal("pro", shared.GetProperty("params").GetProperty("plan").GetString());
        Assert.Equal("2026-01-01", shared.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-03-31", shared.GetProperty("period").GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_link_works_until_it_expires_on_the_servers_clock_and_is_410_after()
    {
        var (url, _) = await Mint("customer_success", ProQuarter);
        access.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(access).GetAsync(PathOf(url) + ".json")).StatusCode);
        access.Clock.Advance(TimeSpan.FromMinutes(2));
        var problem = await (await Anonymous(access).GetAsync(PathOf(url) + ".json")).Problem(HttpStatusCode.Gone);
        Assert.Equal("this share link has expired; ask whoever shared it for a new one", problem.GetProperty("detail").GetString());
        await (await Anonymous(access).GetAsync(PathOf(url) + ".pdf")).Problem(HttpStatusCode.Gone);
        await (await Anonymous(access).GetAsync(PathOf(url))).Html(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_link_changed_in_any_character_is_404_saying_nothing_more()
    {
        var (url, _) = await Mint("advocacy", """{"expiresIn": "2h"}""");
        var token = PathOf(url)["/share/".Length..];
        var client = Anonymous(access);
        for (var i = 0; i < token.Length; i++)
        {
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            var response = await client.GetAsync($"/share/{tampered}.json");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"character {i} changed: {(int)response.StatusCode}");
            var problem = await response.Problem(HttpStatusCode.NotFound);
            Assert.Equal("there is no shared report at this address", problem.GetProperty("detail").GetString());
            Assert.False(problem.TryGetProperty("reports", out _));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/share/{token}.json")).StatusCode);
    }

    [Fact]
    public async Task A_links_signature_does_not_open_another_report_or_longer_expiry()
    {
        var (proUrl, _) = await Mint("customer_success", ProQuarter);
        var (advocacyUrl, _) = await Mint("advocacy", """{"expiresIn": "30d"}""");
        var pro = PathOf(proUrl)["/share/".Length..].Split('.');
        var advocacy = PathOf(advocacyUrl)["/share/".Length..].Split('.');
        await (await Anonymous(access).GetAsync($"/share/{advocacy[0]}.{pro[1]}.json")).Problem(HttpStatusCode.NotFound);

        // The same report and parameters with the expiry pushed to 9999: the payload is rewritten, the signature kept.
        var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(pro[0])).RootElement;
        var forged = $$"""{"r":"customer_success","p":{{payload.GetProperty("p").GetRawText()}},"e":253402300799}""";
        var forgedToken = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged)) + "." + pro[1];
        await (await Anonymous(access).GetAsync($"/share/{forgedToken}.json")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("...")]
    [InlineData("a.b")]
    public async Task Garbage_tokens_are_404(string token) =>
        await (await Anonymous(access).GetAsync($"/share/{token}.json")).Problem(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_token_with_a_NUL_is_refused_by_the_web_server_before_it_reaches_the_link_check() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous(access).GetAsync("/share/%00.%00.json")).StatusCode);

    [Fact]
    public async Task A_token_longer_than_any_minted_is_404_before_anything_is_computed()
    {
        var token = new string('A', 5000) + ".B";
        await (await Anonymous(access).GetAsync($"/share/{token}.json")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rotating_the_share_secret_revokes_every_link_minted_before()
    {
        var (url, _) = await Mint("advocacy", """{"expiresIn": "1d"}""");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(access).GetAsync(PathOf(url) + ".json")).StatusCode);
        var secrets = new SecretsDirectory(Path.Combine(Server.Data, SecretsDirectory.DefaultName));
        ShareSecret.Rotate(secrets);
        await (await Anonymous(access).GetAsync(PathOf(url) + ".json")).Problem(HttpStatusCode.NotFound);
        var (fresh, _) = await Mint("advocacy", """{"expiresIn": "1d"}""");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(access).GetAsync(PathOf(fresh) + ".json")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_share_secret_is_kept_owner_only_next_to_the_warehouse()
    {
        await Mint("advocacy", """{"expiresIn": "1d"}""");
        var file = Path.Combine(Server.Data, SecretsDirectory.DefaultName, ShareSecret.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(file)).Length);
    }

    [Theory]
    [InlineData(ApiScope.Read, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_a_run_or_admin_key_mints_links(ApiScope? scope, HttpStatusCode expected)
    {
        var response = await Server.Client(scope).PostAsync("/api/reports/advocacy/share", JsonContent.Create(new { expiresIn = "1h" }));
        await response.Problem(expected);
        Assert.Equal(HttpStatusCode.OK, (await Server.Client(ApiScope.Admin).PostAsync("/api/reports/advocacy/share", JsonContent.Create(new { expiresIn = "1h" }))).StatusCode);
    }

    [Theory]
    [InlineData("""{"expiresIn": "0d"}""", "expiresIn")]
    [InlineData("""{"expiresIn": "-1d"}""", "expiresIn")]
    [InlineData("""{"expiresIn": "31d"}""", "expiresIn")]
    [InlineData("""{"expiresIn": "721h"}""", "expiresIn")]
    [InlineData("""{"expiresIn": "999999d"}""", "expiresIn")]
    [InlineData("""{"expiresIn": "9999-12-31"}""", "expiresIn")]
    [InlineData("""{"expiresIn": 7}""", "expiresIn")]
    [InlineData("""{"expiresIn": "7d\u0000"}""", "expiresIn")]
    [InlineData("""{"from": "2026-13-01"}""", "from")]
    [InlineData("""{"from": 20260101}""", "from")]
    [InlineData("""{"from": "2026-03-01", "to": "2026-01-01"}""", "from")]
    [InlineData("""{"parameters": {"plan": "gold"}}""", "plan")]
    [InlineData("""{"parameters": {"plan": "pro\u0000"}}""", "plan")]
    [InlineData("""{"parameters": {"plan": ["pro"]}}""", "parameters.plan")]
    [InlineData("""{"parameters": {"format": "pdf"}}""", "parameters.format")]
    [InlineData("""{"parameters": {"nope": "x"}}""", "nope")]
    [InlineData("""{"parameters": "plan=pro"}""", "parameters")]
    [InlineData("""{"expires": "7d"}""", "expires")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""not json""", "body")]
    public async Task A_share_request_that_cannot_be_honoured_is_400_naming_the_member(string body, string member)
    {
        var response = await Server.Client(ApiScope.Run).PostAsync("/api/reports/customer_success/share", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(member, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_expiry_past_the_maximum_names_the_setting()
    {
        var response = await Server.Client(ApiScope.Run).PostAsync("/api/reports/advocacy/share", JsonContent.Create(new { expiresIn = "31d" }));
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal("expiresIn '31d' is longer than a share link may last: at most 30d (Cxr:Access:ShareMaxDays)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_body_a_link_lasts_seven_days_and_follows_the_reports_default_period()
    {
        var minted = access.Clock.GetUtcNow();
        var (url, expiresAt) = await Mint("advocacy", "");
        Assert.InRange((expiresAt - minted).TotalDays, 6.99, 7);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(access).GetAsync(PathOf(url) + ".json")).StatusCode);
    }

    [Theory]
    [InlineData("nope", HttpStatusCode.NotFound)]
    [InlineData("no%2F..%2Fpe", HttpStatusCode.BadRequest)]
    public async Task A_link_to_a_report_that_does_not_exist_is_not_minted(string report, HttpStatusCode expected) =>
        await (await Server.Client(ApiScope.Run).PostAsync($"/api/reports/{report}/share", JsonContent.Create(new { expiresIn = "1h" }))).Problem(expected);

    [Fact]
    public async Task A_share_request_body_past_its_limit_is_413_naming_the_setting()
    {
        var body = JsonSerializer.Serialize(new { parameters = new { plan = new string('p', 5000) } });
        var problem = await (await Server.Client(ApiScope.Run).PostAsync("/api/reports/customer_success/share", new StringContent(body, Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Cxr:Access:MaxFormBytes", problem.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Shared_reports_may_be_framed_only_by_the_configured_origins_and_other_responses_by_none()
    {
        var (url, _) = await Mint("advocacy", """{"expiresIn": "1h"}""");
        var shared = await Anonymous(access).GetAsync(PathOf(url) + ".pdf");
        Assert.Equal("frame-ancestors https://intranet.example.com", shared.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", shared.Headers.GetValues("Referrer-Policy").Single());
        var page = await Anonymous(access).GetAsync(PathOf(url));
        Assert.EndsWith("frame-ancestors https://intranet.example.com", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var missing = await Anonymous(access).GetAsync("/share/x.pdf");
        Assert.Equal("frame-ancestors https://intranet.example.com", missing.Headers.GetValues("Content-Security-Policy").Single());
        var signIn = await Anonymous(access).GetAsync("/signin");
        Assert.Contains("frame-ancestors 'none'", signIn.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task By_default_no_site_may_frame_a_shared_report()
    {
        await using var server = await TestServer.Start();
        var minted = await (await server.Client(ApiScope.Run).PostAsync("/api/reports/advocacy/share", JsonContent.Create(new { expiresIn = "1h" }))).Json();
        var shared = await server.Client().GetAsync(PathOf(minted.GetProperty("url").GetString()!) + ".json");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal("frame-ancestors 'none'", shared.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", shared.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("https://x.example; script-src *")]
    [InlineData("https://x.example/path")]
    [InlineData("'self'")]
    [InlineData("*")]
    public async Task A_frame_ancestor_that_is_not_an_origin_stops_the_start(string origin)
    {
        var app = CxrServer.Build(new Dictionary<string, string?>
        {
            ["Cxr:ReportsDirectory"] = Path.Combine(Cli.CliRunner.RepositoryRoot(), "reports"),
            ["Cxr:Access:ShareFrameAncestors:0"] = origin,
        }, b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(b.WebHost));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(e.Failures, f => f.StartsWith("Cxr:Access:ShareFrameAncestors:0 must be an origin", StringComparison.Ordinal));
        await app.DisposeAsync();
    }
}
