using System.Security.Claims;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxReports.Server.Security;

/// <summary>
/// Sessions of the HTML pages: after a sign-in with an API key (read scope or higher), ASP.NET's cookie scheme keeps
/// an encrypted, signed ticket in the <c>cxr_session</c> cookie (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS)
/// holding the key's id, hash and scope, never the key. Every request checks the key is still registered, so revoking
/// it ends its sessions at once. A page request without a session is sent to the sign-in form; any other request
/// gets the API's 401 or 403 problem.
/// </summary>
public static class PageSessions
{
    public const string SchemeName = "Session";
    public const string CookieName = "cxr_session";
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string ReturnParameter = "return";

    /// <summary>The claim with the key's hash: how a session finds its key in the registry again.</summary>
    private const string KeyHashClaim = "key_hash";

    /// <summary>A browser navigating to a page: a GET or HEAD outside <c>/api</c> that accepts HTML.</summary>
    public static bool WantsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The principal of a session: the key's id as its name, its hash, and the scopes it holds.</summary>
    public static ClaimsPrincipal Principal(StoredApiKey key)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Id), new(KeyHashClaim, key.Hash) };
        claims.AddRange(ApiKeys.Granted(key.Scope).Select(s => new Claim(ApiKeyAuthenticationHandler.ScopeClaim, s.Name())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    /// <summary>Where a page request without a session is sent: the sign-in form, told to come back to this page.</summary>
    public static string SignInLocation(HttpRequest request)
    {
        var back = request.PathBase + request.Path + request.QueryString;
        return LocalReturnPath.IsLocal(back)
            ? SignInPath + QueryString.Create(ReturnParameter, back)
            : SignInPath;
    }

    public static void Configure(CookieAuthenticationOptions cookie, AccessOptions access)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        cookie.Cookie.Path = "/";
        cookie.Cookie.SecurePolicy = access.AlwaysSecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(access.SessionMinutes);
        cookie.SlidingExpiration = false;
        cookie.LoginPath = SignInPath;
        cookie.LogoutPath = SignOutPath;
        cookie.ReturnUrlParameter = ReturnParameter;
        cookie.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = Validate,
            OnRedirectToLogin = context =>
            {
                if (!WantsPage(context.Request)) return context.HttpContext.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = SignInLocation(context.Request);
                return Task.CompletedTask;
            },
            OnRedirectToAccessDenied = context => context.HttpContext.ForbidAsync(ApiKeyAuthenticationHandler.SchemeName),
        };
    }

    /// <summary>Ends a session whose key is no longer registered (revoked), or no longer holds the scope the session says.</summary>
    private static async Task Validate(CookieValidatePrincipalContext context)
    {
        var registry = context.HttpContext.RequestServices.GetRequiredService<ApiKeyRegistry>();
        var hash = context.Principal?.FindFirst(KeyHashClaim)?.Value;
        var held = context.Principal?.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(c => ApiKeys.ParseScope(c.Value)).Max();
        if (hash is not null && registry.FindByHash(hash) is { } key && held is { } scope && key.Scope >= scope) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SchemeName);
    }

    /// <summary>
    /// The scheme every request is authenticated with: the bearer key when the request sends one (or auth is off), the
    /// session when it carries the cookie or is a page request, else the bearer scheme's 401.
    /// </summary>
    public static string? Select(HttpContext http)
    {
        var access = http.RequestServices.GetRequiredService<IOptions<CxrServerOptions>>().Value;
        if (!access.Auth.Enabled || http.Request.Headers.ContainsKey(HeaderNames.Authorization)) return ApiKeyAuthenticationHandler.SchemeName;
        return http.Request.Cookies.ContainsKey(CookieName) || WantsPage(http.Request) ? SchemeName : ApiKeyAuthenticationHandler.SchemeName;
    }
}
