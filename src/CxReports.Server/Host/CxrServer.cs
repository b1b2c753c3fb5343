using Carter;
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
        builder.Configuration.AddInMemoryCollection(settings);
        if (SettingTypes.Mistakes(builder.Configuration) is { Count: > 0 } mistakes)
            throw new Microsoft.Extensions.Options.OptionsValidationException(CxrServerOptions.Section, typeof(CxrServerOptions), mistakes);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddCxrServer(builder.Configuration);
        customize?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapCarter();
        return app;
    }
}
