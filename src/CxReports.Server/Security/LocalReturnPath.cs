namespace CxReports.Server.Security;

/// <summary>
/// Where a sign-in sends the browser back to: a path on this server only. Anything a browser could read as another
/// site (<c>https://evil</c>, <c>//evil</c>, <c>/\evil</c>, a backslash anywhere, control characters) or anything too
/// long becomes <c>/</c>, so the sign-in form cannot be used as an open redirect.
/// </summary>
public static class LocalReturnPath
{
    public const string Home = "/";
    public const int MaxLength = 2048;

    public static string Parse(string? text) => IsLocal(text) ? text! : Home;

    public static bool IsLocal(string? text) =>
        text is { Length: > 0 and <= MaxLength }
        && text[0] == '/'
        && (text.Length == 1 || text[1] is not ('/' or '\\'))
        && !text.Contains('\\')
        && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && !text.StartsWith(PageSessions.SignInPath, StringComparison.OrdinalIgnoreCase);
}
