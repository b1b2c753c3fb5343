using CxReports.Server.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// cxr preview in a real browser: the open page updates itself after a report file is saved, and a save that does not
/// compile shows its diagnostics above the last good version. The server is the one cxr preview builds (auth off,
/// <see cref="PreviewMode"/>) over a copy of the sample reports that the test edits.
/// </summary>
public sealed class PreviewBrowserTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _chrome = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.Start(new() { ["Cxr:Auth:Enabled"] = "false" }, kestrel: true,
            customize: builder => builder.Services.AddSingleton(new PreviewMode()));
        _playwright = await Playwright.CreateAsync();
        _chrome = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Browser.Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _chrome.CloseAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_page_updates_after_a_save_and_shows_the_diagnostics_of_a_broken_save_above_the_last_good_version()
    {
        var page = await _chrome.NewPageAsync(new BrowserNewPageOptions { BaseURL = _server.App.Urls.First() });
        await page.GotoAsync("/reports/advocacy");
        Assert.Equal("Customer Advocacy", await page.Locator("h1").TextContentAsync());

        var report = Path.Combine(_server.Reports, "advocacy.cxr");
        await File.WriteAllTextAsync(report, (await File.ReadAllTextAsync(report)).Replace("\"Customer Advocacy\"", "\"Advocacy, revised\""));
        await page.WaitForFunctionAsync("() => document.querySelector('h1').textContent === 'Advocacy, revised'", null, new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator(".preview-problems").CountAsync());

        var metrics = Path.Combine(_server.Reports, "model", "metrics.cxr");
        await File.AppendAllTextAsync(metrics, "\nmetric broken = nsp(responses.score)\n");
        var line = File.ReadAllLines(metrics).Length; // the appended line is the last
        var where = page.Locator(".preview-problems .where");
        await where.WaitForAsync(new() { Timeout = 10_000 });

        Assert.Equal($"model/metrics.cxr:{line}:17", await where.TextContentAsync()); // "metric broken = " is 16 characters
        Assert.Contains("unknown function 'nsp'", await page.Locator(".preview-problems li").TextContentAsync());
        Assert.Equal("Advocacy, revised", await page.Locator("h1").TextContentAsync());
        Assert.True(await page.Locator("#block-kpi_1 .kpi-value").CountAsync() > 0);
    }
}
