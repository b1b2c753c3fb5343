using CxReports.Server.Problems;
using CxReports.Server.Requests;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxReports.Server.Security;

/// <summary>
/// Signing in to the pages with an API key and out again. A sign-in is a form post from the sign-in page; it must
/// come from a browser on this server (an <c>Origin</c> or <c>Sec-Fetch-Site</c> header, which the
/// <see cref="CrossSiteRequestGuard"/> has already checked names this server), so no other site can sign a visitor in
/// under its own key. A refused key is told only that it was not accepted.
/// </summary>
public sealed class PageSignIn(ApiKeyRegistry keys, IOptions<CxrServerOptions> options, TimeProvider time, ILogger<PageSignIn> log)
{
    private AccessOptions Access => options.Value.Access;

    public IResult Form(HttpContext http, string? returnPath) =>
        options.Value.Auth.Enabled ? Page(http, StatusCodes.Status200OK, LocalReturnPath.Parse(returnPath), null) : SeeOther(LocalReturnPath.Parse(returnPath));

    public async Task<IResult> SignIn(HttpContext http, CancellationToken cancellation)
    {
        var request = http.Request;
        if (!options.Value.Auth.Enabled) return SeeOther(LocalReturnPath.Home);
        if (!request.Headers.ContainsKey(HeaderNames.Origin) && !request.Headers.ContainsKey("Sec-Fetch-Site"))
            return ServerProblem.Of(StatusCodes.Status403Forbidden, "Cross-site request refused",
                "a sign-in is sent by a browser from the sign-in page (GET /signin); this request carries neither Origin nor Sec-Fetch-Site",
                ("header", HeaderNames.Origin)).ToResult();
        if (!request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ?? true)
            return ServerProblem.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "a sign-in is the form of GET /signin, sent as application/x-www-form-urlencoded", ("header", HeaderNames.ContentType)).ToResult();
        var body = await BoundedBody.ReadText(request, Access.MaxFormBytes, $"{AccessOptions.Section}:MaxFormBytes", cancellation);
        if (body.Problem is { } problem) return problem.ToResult();
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            form = new FormReader(body.Value!) { ValueCountLimit = 16, KeyLengthLimit = 64 }.ReadForm();
        }
        catch (InvalidDataException)
        {
            return ServerProblem.Of(StatusCodes.Status400BadRequest, "Invalid form", "the sign-in form has more than 16 fields or a field name longer than 64 characters",
                ("parameter", "body")).ToResult();
        }
        var back = LocalReturnPath.Parse(form.GetValueOrDefault(PageSessions.ReturnParameter) is { Count: 1 } r ? r.ToString() : null);
        if (Key(form) is not { } key)
        {
            log.LogWarning("page sign-in refused: the key given is not registered");
            return Page(http, StatusCodes.Status401Unauthorized, back, SignInPage.NotAccepted);
        }
        var properties = new AuthenticationProperties
        {
            IsPersistent = true,
            AllowRefresh = false,
            ExpiresUtc = time.GetUtcNow().AddMinutes(Access.SessionMinutes),
        };
        await http.SignInAsync(PageSessions.SchemeName, PageSessions.Principal(key), properties);
        log.LogInformation("page session opened with {Scope} key {KeyId}", key.Scope.Name(), key.Id);
        return SeeOther(back);
    }

    public async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(PageSessions.SchemeName);
        return SeeOther(PageSessions.SignInPath);
    }

    /// <summary>The registered key the form gives: one <c>key</c> field of printable text no longer than any key.</summary>
    private StoredApiKey? Key(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form) =>
        form.GetValueOrDefault("key") is { Count: 1 } field && field.ToString() is { Length: > 0 and <= SignInPage.KeyMaxLength } text && !text.Any(char.IsControl)
            ? keys.Find(text.Trim())
            : null;

    private static IResult Page(HttpContext http, int status, string returnPath, string? error)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = SignInPage.ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: under no-referrer Chromium posts the form with "Origin: null", which the
        // cross-site guard rightly refuses, and nobody could sign in from a real browser.
        headers["Referrer-Policy"] = "same-origin";
        return TypedResults.Content(SignInPage.Html(returnPath, error), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>303: the browser follows with a GET, so reloading the page it lands on never posts the form again.</summary>
    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
