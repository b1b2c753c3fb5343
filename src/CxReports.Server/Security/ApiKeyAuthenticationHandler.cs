using System.Security.Claims;
using System.Text.Encodings.Web;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: a known key becomes a principal holding its scopes. With auth switched off
/// (explicitly, see <see cref="AuthOptions"/>) every caller holds every scope. 401 and 403 answer in problem+json.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry keys,
    IOptions<CxrServerOptions> server,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string ScopeClaim = "scope";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!server.Value.Auth.Enabled) return Task.FromResult(Success("auth-disabled", ApiScope.Admin));

        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var (key, failure) = BearerKey.Find(header, keys);
        return Task.FromResult(key is not null ? Success(key.Id, key.Scope) : AuthenticateResult.Fail(failure!));
    }

    private AuthenticateResult Success(string keyId, ApiScope scope)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, keyId) };
        claims.AddRange(ApiKeys.Granted(scope).Select(s => new Claim(ScopeClaim, s.Name())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Write("Authentication required", result.Failure?.Message
            ?? "send an API key as 'Authorization: Bearer <key>' (create one with: cxr keys create --scope read|run|admin)");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
        var held = Context.User.FindAll(ScopeClaim).Select(c => c.Value).LastOrDefault();
        await Write("Insufficient scope", $"this key has scope '{held}'; {Request.Method} {Request.Path} needs scope '{needed}'");
    }

    private async Task Write(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
        });
}
