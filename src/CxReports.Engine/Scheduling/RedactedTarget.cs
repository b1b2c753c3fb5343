using System.Text;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// A delivery target as it may be shown (API, logs, run log): a URL's user name and password, every query value and
/// every path segment after the first become <c>***</c> (<c>https://***@host/hook?token=***</c>,
/// <c>https://hooks.slack.com/services/***</c>), since webhook URLs carry credentials in all three places (Slack and
/// Discord put the token in the path). Email addresses and folders are shown as they are.
/// </summary>
public static class RedactedTarget
{
    public const string Mask = "***";

    public static string Of(string target)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return target;
        var text = new StringBuilder(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0) text.Append(Mask).Append('@');
        text.Append(uri.Host);
        if (!uri.IsDefaultPort) text.Append(':').Append(uri.Port);
        text.Append(PathShown(uri.AbsolutePath));
        if (uri.Query.Length > 1)
            // A bare entry (?abc123) may itself be the token: it goes whole; a named one keeps its name.
            text.Append('?').AppendJoin('&', uri.Query[1..].Split('&').Select(p => p.IndexOf('=') is > 0 and var eq ? $"{p[..eq]}={Mask}" : Mask));
        if (uri.Fragment.Length > 1) text.Append('#').Append(Mask);
        return text.ToString();
    }

    /// <summary>The first segment names the endpoint (<c>/services</c>, <c>/hook</c>); what follows may be the token.</summary>
    private static string PathShown(string path)
    {
        var secondSegment = path.IndexOf('/', 1);
        return secondSegment < 0 || secondSegment == path.Length - 1 ? path : path[..(secondSegment + 1)] + Mask;
    }
}
