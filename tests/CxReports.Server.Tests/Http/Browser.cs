using Microsoft.Playwright;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/install-deps.sh --test) driven by Playwright: nothing is
/// downloaded. One browser and one server on a real socket per test class (a subclass starts another server).
/// </summary>
public class Browser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chrome { get; private set; } = null!;
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartServer();
        _playwright = await Playwright.CreateAsync();
        Chrome = await Launch(_playwright);
    }

    /// <summary>The server the pages come from: the sample reports over the small demo data.</summary>
    protected virtual Task<TestServer> StartServer() => TestServer.Start(kestrel: true);

    /// <summary>Debian's Chromium, headless, with nothing that would reach for the network on its own.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./scripts/install-deps.sh --test installs it");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new page sending the read key, as a browser behind a signed-in session would be served; light unless <paramref name="colorScheme"/> says otherwise.</summary>
    public async Task<IPage> Page(global::CxReports.Server.Security.ApiScope scope = global::CxReports.Server.Security.ApiScope.Read, ColorScheme? colorScheme = null)
    {
        var context = await Chrome.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.App.Urls.First(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Server.Keys[scope] },
            Locale = "en-US",
            ColorScheme = colorScheme,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chrome is not null) await Chrome.CloseAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
