using Carter;
using CxReports.Server.Monitoring;
using CxReports.Server.Security;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Logging.Console;

namespace CxReports.Server.Host;

/// <summary>
/// Builds the HTTP server: configuration from appsettings.json (next to cxr, then in the working directory),
/// environment variables and the given settings (flags), in that order; logs on stderr; the pipeline of
/// problem+json errors, API-key auth, OpenAPI and the Carter modules.
/// </summary>
public static class CxrServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The server over <c>settings</c> (flags), with <c>customize</c> applied before it is built; <c>contentRoot</c> is the
    /// working directory, whose appsettings.json overrides the shipped one (default: the current directory).
    /// </summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? customize = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CxrServer).Assembly.GetName().Name,
            ContentRootPath = contentRoot ?? Directory.GetCurrentDirectory(),
        });
        // The defaults shipped next to cxr come first, so an appsettings.json in the working directory overrides them.
        var shipped = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
        };
        shipped.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, shipped);
        // Below everything: the CXR_* delivery variables are defaults that any Delivery setting overrides.
        builder.Configuration.Sources.Insert(0, EnvironmentSettings.DeliveryDefaults());
        builder.Configuration.AddInMemoryCollection(settings);
        var listening = ListeningAddresses.From(builder.Configuration, DefaultUrl);
        if (Refusals(builder.Configuration, listening) is { Count: > 0 } refusals)
            throw new Microsoft.Extensions.Options.OptionsValidationException(CxrServerOptions.Section, typeof(CxrServerOptions), refusals);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Logging:Console:FormatterName=json writes one JSON object a line; with the scopes (run id, report,
        // correlation id) and a UTC timestamp unless Logging:Console:FormatterOptions says otherwise.
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = builder.Configuration.GetValue("Logging:Console:FormatterOptions:IncludeScopes", true);
            o.UseUtcTimestamp = builder.Configuration.GetValue("Logging:Console:FormatterOptions:UseUtcTimestamp", true);
            o.TimestampFormat = builder.Configuration["Logging:Console:FormatterOptions:TimestampFormat"] ?? "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        // A start that fails is said once, in one line, by ServerStartup and cxr serve; the host would add its stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // Hosting's per-request activity and log scope: started by RequestCorrelation on the full pipeline instead,
        // unless an operator asks for hosting's request lines.
        if (builder.Configuration[$"Logging:LogLevel:{RequestActivity.HostingCategory}"] is null)
            builder.Logging.AddFilter(RequestActivity.HostingCategory, LogLevel.None);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddCxrServer(builder.Configuration);
        // AllowedHosts, when set, is ASP.NET's own list; otherwise only the names the server listens on (DNS rebinding).
        if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]) && listening.AllowedHosts() is { } hosts)
            builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = hosts.ToList());
        // The web host puts host filtering first, before the status-code pages, so a refused Host got an HTML page;
        // placed after them (below) its empty 400 becomes the problem+json every other refusal is.
        builder.Services.Configure<HostFilteringOptions>(o => o.IncludeFailureMessage = false);
        foreach (var first in builder.Services.Where(d => d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList())
            builder.Services.Remove(first);
        // Ahead of everything below, routing included: repeated cached report requests (Modules/ReportShortcut).
        builder.Services.AddTransient<IStartupFilter, Modules.ReportShortcut.First>();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<RequestCorrelation>();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHostFiltering();
        app.UseAuthentication();
        app.UseAuthorization();
        // After auth: a caller without a key hears 401 (what to do), not 403; with auth off, everyone reaches the guard.
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.MapOpenApi().AllowAnonymous();
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (builder.Configuration.GetValue("Cxr:Metrics:Anonymous", false)) metrics.AllowAnonymous();
        else metrics.RequireAuthorization(ApiScope.Read.Name());
        app.MapCarter();
        return app;
    }

    /// <summary>
    /// What stops the server before it is built, one line each: settings whose text is not of their type, and auth
    /// switched off on an address other machines can reach.
    /// </summary>
    private static List<string> Refusals(IConfiguration configuration, ListeningAddresses listening)
    {
        var refusals = SettingTypes.Mistakes(configuration).ToList();
        if (refusals.Count == 0 && !configuration.GetValue("Cxr:Auth:Enabled", true) && listening.FirstNonLoopback is { } exposed)
            refusals.Add($"Cxr:Auth:Enabled=false (--no-auth) is allowed only on loopback addresses (localhost, 127.0.0.1, [::1]), and '{exposed}' "
                         + "can be reached from other machines: listen on http://127.0.0.1:PORT, or keep auth on and create keys with cxr keys create");
        return refusals;
    }
}
