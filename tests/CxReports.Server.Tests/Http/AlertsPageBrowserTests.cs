using CxReports.Server.Security;
using Microsoft.Playwright;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// The alerts page in Debian's Chromium over <see cref="AlertsServer"/>: what a reader sees (each alert's condition,
/// guards, channels, next check, and per segment firing or normal since when), reached from the navigation, in light
/// and dark, by keyboard, with the Content-Security-Policy in force.
/// </summary>
public sealed class AlertsPageBrowserTests(AlertsPageBrowserTests.AlertsBrowser browser) : IClassFixture<AlertsPageBrowserTests.AlertsBrowser>
{
    /// <summary>The browser over <see cref="AlertsServer"/>.</summary>
    public sealed class AlertsBrowser : Browser
    {
        protected override Task<TestServer> StartServer() => AlertsServer.Start();
    }

    private Task<IPage> Page(ColorScheme scheme = ColorScheme.Light) => browser.Page(ApiScope.Read, scheme);

    [Fact]
    public async Task The_navigation_leads_to_the_alerts_and_each_shows_its_condition_channels_next_check_and_segments()
    {
        var page = await Page();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await page.Locator("nav a", new() { HasText = "Alerts" }).ClickAsync();
        await page.WaitForURLAsync("**/alerts");

        Assert.Equal("page", await page.Locator("nav a[href='/alerts']").GetAttributeAsync("aria-current"));
        Assert.Equal(["Answers moved", "Aylık kayıp oranı yüksek 1 firing", "NPS düştü 1 firing", "NPS yükseldi"],
            (await page.Locator(".alert-card h2").AllInnerTextsAsync()).Select(t => t.Trim()));

        var drop = page.Locator("#alert-nps_drop");
        Assert.Equal("nps by channel drops by 5 points or more vs the previous month", await drop.Locator(".condition > span").InnerTextAsync());
        Assert.Equal(["segments with fewer than 30 responses_n are not judged", "the change must be significant at 95% (nps test)"],
            await drop.Locator(".condition li").AllInnerTextsAsync());
        Assert.Equal(["email cx@firma.com.tr"], await drop.Locator(".channels li").AllInnerTextsAsync());
        // 11:30 in Istanbul on 2026-12-07: the next 09:00 there is tomorrow's.
        Assert.Equal("2026-12-08 09:00 UTC+03:00 (0 9 * * * Europe/Istanbul)", await drop.Locator(".next-check").InnerTextAsync());

        var rows = drop.Locator("table.segments tbody tr");
        Assert.Equal(["channel=phone", "firing", "2025-09-01 06:00 UTC", "31.25", "42.5", "-11.25", "0.0123", "2025-10-01 06:00 UTC"],
            (await rows.Nth(0).Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(["channel=web", "normal", "2025-09-01 06:00 UTC", "40", "38", "+2", "–", "2025-10-01 06:00 UTC"],
            (await rows.Nth(1).Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));

        // The whole is "all"; a relative change's alert has its targets masked; a never-checked alert says so.
        Assert.Equal("all", (await page.Locator("#alert-churn_high table.segments tbody th").InnerTextAsync()).Trim());
        Assert.Equal(["slack https://hooks.slack.com/services/***", "teams https://prod-00.westeurope.logic.azure.com/workflows/***?api-version=***&sig=***"],
            await page.Locator("#alert-answers_move .channels li").AllInnerTextsAsync());
        Assert.Equal("on demand only (cxr alert check)", await page.Locator("#alert-answers_move .next-check").InnerTextAsync());
        Assert.Equal("Not checked yet: no segment has a state.", await page.Locator("#alert-nps_rise .note").InnerTextAsync());
        Assert.DoesNotContain("SECRET", await page.ContentAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Firing_and_normal_are_told_apart_by_word_and_by_colour_in_light_and_dark()
    {
        var light = await Page(ColorScheme.Light);
        await light.GotoAsync("/alerts");
        var dark = await Page(ColorScheme.Dark);
        await dark.GotoAsync("/alerts");

        // The stylesheet's --bad and --good: #B83227 and #1E7B3C in light, #F2786B and #5FBF7A in dark.
        Assert.Equal(("rgb(184, 50, 39)", "rgb(30, 123, 60)"), await Colours(light));
        Assert.Equal(("rgb(242, 120, 107)", "rgb(95, 191, 122)"), await Colours(dark));
        Assert.Equal("rgb(17, 24, 39)", await dark.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task The_keyboard_reaches_a_segments_table_to_scroll_it()
    {
        var page = await Page();
        await page.GotoAsync("/alerts");

        string? label = null;
        for (var i = 0; i < 30 && label is null; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            label = await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('role') === 'region' ? document.activeElement.getAttribute('aria-label') : null");
        }
        Assert.Equal("Segments of Answers moved", label);
    }

    private static async Task<(string Firing, string Normal)> Colours(IPage page) => (
        await page.Locator("#alert-nps_drop .badge.state-firing").Last.EvaluateAsync<string>("e => getComputedStyle(e).color"),
        await page.Locator("#alert-nps_drop .badge.state-normal").EvaluateAsync<string>("e => getComputedStyle(e).color"));
}
