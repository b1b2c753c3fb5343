using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CxReports.Server.Security;

/// <summary>
/// The sign-in form: one password field for an API key, a submit button and an error line; no script, its one
/// stylesheet allowed by hash, so it works under a Content-Security-Policy that allows nothing else.
/// </summary>
public static class SignInPage
{
    private const string Style = """
        :root{color-scheme:light dark;font-family:system-ui,sans-serif}
        body{margin:0;min-height:100vh;display:grid;place-items:center;background:Canvas;color:CanvasText}
        main{width:min(24rem,90vw)}
        h1{font-size:1.4rem;margin:0 0 1rem}
        label{display:block;font-weight:600;margin-bottom:.3rem}
        input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:1px solid GrayText;border-radius:4px}
        input:focus,button:focus{outline:3px solid #1f5fbf;outline-offset:2px}
        button{margin-top:1rem;font:inherit;padding:.5rem 1.2rem;border:0;border-radius:4px;background:#1f5fbf;color:#fff;cursor:pointer}
        p.hint{font-size:.9rem;color:GrayText}
        p.error{color:#b3261e;font-weight:600}
        @media (prefers-color-scheme:dark){p.error{color:#ffb4ab}button{background:#8ab4f8;color:#0b1d3a}input:focus,button:focus{outline-color:#8ab4f8}}
        """;

    /// <summary>Allows the page's own stylesheet and form post, nothing else; no site may frame it (clickjacking).</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string NotAccepted = "That key was not accepted.";

    /// <summary>The form, sending the browser back to <paramref name="returnPath"/> (already checked local) after a sign-in.</summary>
    public static string Html(string returnPath, string? error)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="same-origin">
            <title>Sign in · CxReports</title>
            <style>{Style}</style>
            </head>
            <body>
            <main>
            <h1>Sign in to CxReports</h1>
            <form method="post" action="{PageSessions.SignInPath}">
            <input type="hidden" name="{PageSessions.ReturnParameter}" value="{WebUtility.HtmlEncode(returnPath)}">
            <label for="key">API key</label>
            <input id="key" name="key" type="password" autocomplete="current-password" required maxlength="{KeyMaxLength}" spellcheck="false" autofocus{(error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"error\"")}>

            """);
        if (error is not null) html.Append($"<p id=\"error\" class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>\n");
        html.Append("""
            <button type="submit">Sign in</button>
            <p class="hint">A key with the read scope or higher (made with <code>cxr keys create --scope read</code>). It is kept by the server as a hash and never shown in an address.</p>
            </form>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }

    /// <summary>Longest text the key field takes; keys are 47 characters, anything much longer is not one.</summary>
    public const int KeyMaxLength = 256;
}
