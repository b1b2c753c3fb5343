using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CxReports.Server.Security;
using CxReports.Server.Tests.Http;
using Microsoft.Playwright;

namespace CxReports.Server.Tests.Security;

/// <summary>Debian's Chromium against the <see cref="AccessServer"/>: a browser with no key and no session, as a colleague opens a link.</summary>
public sealed class AccessBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AccessServer Access { get; } = new();
    public IBrowser Chrome { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Access.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Chrome = await Http.Browser.Launch(_playwright);
    }

    /// <summary>A new page in a fresh context: no key, no cookie.</summary>
    public async Task<IPage> Anonymous()
    {
        var context = await Chrome.NewContextAsync(new BrowserNewContextOptions { BaseURL = Access.Address.GetLeftPart(UriPartial.Authority), Locale = "en-US" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chrome is not null) await Chrome.CloseAsync();
        _playwright?.Dispose();
        await Access.DisposeAsync();
    }
}

/// <summary>Sign-in and share links in a real browser: the redirect, the form, the session cookie, a shared page and its expiry.</summary>
public sealed class AccessBrowserTests(AccessBrowser browser) : IClassFixture<AccessBrowser>
{
    [Fact]
    public async Task A_page_opened_without_a_session_asks_for_a_key_once_then_shows_the_page_asked_for()
    {
        var page = await browser.Anonymous();
        await page.GotoAsync("/reports/advocacy");
        await page.WaitForURLAsync(new Regex("/signin\\?return="));
        Assert.Empty(await page.Context.CookiesAsync());

        await page.Locator("#key").FillAsync(browser.Access.Server.Keys[ApiScope.Read]);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports/advocacy$"));
        Assert.Equal("Customer Advocacy", await page.Locator("h1").TextContentAsync());
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "cxr_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);

        // The session is kept: the next page opens without asking again.
        await page.GotoAsync("/");
        Assert.Equal(5, await page.Locator(".report-card").CountAsync());
    }

    [Fact]
    public async Task A_share_link_opens_the_report_page_without_a_key_until_it_expires()
    {
        var server = browser.Access.Server;
        var minted = await (await server.Client(ApiScope.Run).PostAsync("/api/reports/customer_success/share",
            JsonContent.Create(new { from = "2026-01-01", to = "2026-03-31", parameters = new { plan = "pro" }, expiresIn = "1h" }))).Json();
        var link = new Uri(minted.GetProperty("url").GetString()!).AbsolutePath;

        var page = await browser.Anonymous();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text + " " + message.Location); };
        page.PageError += (_, error) => errors.Add(error);
        var opened = await page.GotoAsync(link);
        Assert.Equal(200, opened!.Status);
        var json = await server.Client(ApiScope.Read).ReportJson("/api/reports/customer_success?from=2026-01-01&to=2026-03-31&plan=pro");
        Assert.Equal(json.GetProperty("title").GetString(), await page.Locator("h1").TextContentAsync());
        Assert.Equal(PageHtml.ExpectedKpis(json, "kpi_1").Select(k => k.Value).ToArray(), await page.Locator("#block-kpi_1 .kpi-value").AllTextContentsAsync());
        await page.Locator("figure.chart[data-chart-ready]").First.WaitForAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        browser.Access.Clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await page.ReloadAsync();
        Assert.Equal(410, expired!.Status);
        Assert.Contains("expired", await page.Locator("main").TextContentAsync());
    }
}
