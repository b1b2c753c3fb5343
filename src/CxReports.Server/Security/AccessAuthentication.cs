using CxReports.Server.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Security;

/// <summary>
/// Registers how callers prove who they are: API keys (<see cref="ApiKeyAuthenticationHandler"/>), page sessions
/// (<see cref="PageSessions"/>) and share links (<see cref="ShareLinks"/>), behind one default scheme that picks
/// between the first two per request. Session tickets are protected with a Data Protection key ring kept in the
/// <see cref="SecretsDirectory"/>, so sessions survive a restart.
/// </summary>
public static class AccessAuthentication
{
    private const string SelectingScheme = "KeyOrSession";

    public static IServiceCollection AddCxrAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(provider => SecretsDirectory.For(
            provider.GetRequiredService<IOptions<CxrServerOptions>>().Value.Access,
            provider.GetRequiredService<IOptions<WarehouseSettings>>().Value.For(provider.GetRequiredService<IOptions<CxrServerOptions>>().Value)));
        services.AddSingleton<ShareSecret>();
        services.AddSingleton<ShareLinks>();
        services.AddDataProtection().SetApplicationName("cxreports");
        // ASP.NET's file repository writes each key file owner-only (0600) itself; the directory is made 0700 before.
        services.AddOptions<KeyManagementOptions>().Configure<SecretsDirectory, ILoggerFactory>((keys, directory, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(directory.Ensure(), logs));
        services.AddOptions<CookieAuthenticationOptions>(PageSessions.SchemeName).Configure<IOptions<CxrServerOptions>>((cookie, server) =>
            PageSessions.Configure(cookie, server.Value.Access));

        services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "API key or page session", policy => policy.ForwardDefaultSelector = PageSessions.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(PageSessions.SchemeName);
        return services;
    }
}
