using System.ComponentModel.DataAnnotations;

namespace CxReports.Server.Settings;

/// <summary>
/// Browser access with auth on (<c>Cxr:Access</c>): the session a sign-in with an API key opens, and the signed share
/// links a run key mints. Checked by <see cref="CxrServerOptions.Validate"/>, naming each setting in full.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = CxrServerOptions.Section + ":Access";

    /// <summary>How long a sign-in lasts; the session then ends however active it is (no sliding renewal).</summary>
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>
    /// Mark the session cookie Secure on every response, also when the request reached the server over plain HTTP (a
    /// TLS-terminating proxy in front). Otherwise it is Secure exactly when the request is HTTPS.
    /// </summary>
    public bool AlwaysSecureCookie { get; set; }

    /// <summary>Where the session key ring and the share secret are kept (mode 0700, files 0600); default <c>.cxreports-secrets</c> next to the warehouse file.</summary>
    public string? SecretsDirectory { get; set; }

    /// <summary>Largest sign-in form or share-link request body, in bytes.</summary>
    public int MaxFormBytes { get; set; } = 4096;

    /// <summary>Longest a share link may stay valid, in days; a link minted for longer is refused, and one older than this stops working.</summary>
    public int ShareMaxDays { get; set; } = 30;

    /// <summary>Origins (<c>https://intranet.example.com</c>) whose pages may embed shared reports in a frame; none by default.</summary>
    public string[] ShareFrameAncestors { get; set; } = [];

    public IEnumerable<ValidationResult> Validate()
    {
        if (SessionMinutes is < 1 or > 60 * 24 * 30)
            yield return new ValidationResult($"{Section}:SessionMinutes must be between 1 and 43200 (got {SessionMinutes})");
        if (MaxFormBytes is < 256 or > 1024 * 1024)
            yield return new ValidationResult($"{Section}:MaxFormBytes must be between 256 and 1048576 (got {MaxFormBytes})");
        if (ShareMaxDays is < 1 or > 3650)
            yield return new ValidationResult($"{Section}:ShareMaxDays must be between 1 and 3650 (got {ShareMaxDays})");
        if (SecretsDirectory is { } directory && (directory.Trim().Length == 0 || directory.Any(char.IsControl)))
            yield return new ValidationResult($"{Section}:SecretsDirectory must name a directory (got '{Requests.RequestReader.Shorten(directory)}')");
        for (var i = 0; i < ShareFrameAncestors.Length; i++)
            if (!IsOrigin(ShareFrameAncestors[i]))
                yield return new ValidationResult($"{Section}:ShareFrameAncestors:{i} must be an origin such as https://intranet.example.com " +
                                                  $"(scheme, host and optional port; no path), got '{Requests.RequestReader.Shorten(ShareFrameAncestors[i])}'");
    }

    /// <summary>An origin as a CSP source: http(s)://host[:port] and nothing else, so no value can add a directive to the header.</summary>
    private static bool IsOrigin(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
        && text.TrimEnd('/') == $"{uri.Scheme}://{uri.Authority}" && !text.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'');
}
