using System.Net;

namespace CxReports.Server.Security;

/// <summary>
/// The addresses the server is configured to listen on (<c>urls</c>, flag <c>--urls</c>, and Kestrel endpoints) and what
/// they allow: serving without keys only where no other machine can connect, and the Host names requests may carry.
/// </summary>
public sealed class ListeningAddresses
{
    /// <summary>The names of this machine's loopback interface, as a Host header carries them.</summary>
    public static readonly IReadOnlyList<string> LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public IReadOnlyList<string> Urls { get; }

    private ListeningAddresses(IReadOnlyList<string> urls) => Urls = urls;

    /// <summary>The addresses configured, or <paramref name="fallback"/> when <c>urls</c> is not set.</summary>
    public static ListeningAddresses From(IConfiguration configuration, string fallback) => new(
        (configuration["urls"] is { Length: > 0 } urls ? urls : fallback).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToArray());

    /// <summary>The first address another machine could reach (a wildcard, a public address or a host name), if any.</summary>
    public string? FirstNonLoopback => Urls.FirstOrDefault(url => !IsLoopback(Host(url)));

    /// <summary>
    /// The Host names to answer: the loopback names and every named host the server listens on; null (any name) when it
    /// listens on a wildcard (0.0.0.0, [::], * or +), where its public names cannot be known: it then needs keys (see
    /// <see cref="FirstNonLoopback"/>), which a rebound name cannot make a browser send.
    /// </summary>
    public IReadOnlyList<string>? AllowedHosts()
    {
        var hosts = new List<string>(LoopbackNames);
        foreach (var url in Urls)
        {
            var host = Host(url);
            if (host is null || IsWildcard(host)) return null;
            if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase)) hosts.Add(host);
        }
        return hosts;
    }

    /// <summary>
    /// Of the addresses a server is bound to, the one a client on this machine should call: a plain-HTTP loopback address
    /// first, then a wildcard one as its loopback twin (0.0.0.0 as 127.0.0.1, [::] as [::1]), then the first; null for none.
    /// </summary>
    public static string? ForLocalClient(IEnumerable<string> bound)
    {
        var candidates = bound.Select(url => (Url: url, Host: Host(url))).Where(a => a.Host is not null).ToArray();
        var chosen = candidates.OrderBy(a => a.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(a => IsLoopback(a.Host) ? 0 : IsWildcard(a.Host!) ? 1 : 2).FirstOrDefault();
        if (chosen.Url is null) return null;
        if (!IsWildcard(chosen.Host!)) return chosen.Url.TrimEnd('/');
        var loopback = chosen.Host is "[::]" ? "[::1]" : "127.0.0.1";
        var at = chosen.Url.IndexOf(chosen.Host!, StringComparison.Ordinal);
        return (chosen.Url[..at] + loopback + chosen.Url[(at + chosen.Host!.Length)..]).TrimEnd('/');
    }

    /// <summary>The host of a listening URL as a Host header names it (IPv6 in brackets), or null when it is not a URL.</summary>
    private static string? Host(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('[')) return rest.IndexOf(']') is var end and > 0 ? rest[..(end + 1)] : null;
        var colon = rest.LastIndexOf(':');
        var host = colon < 0 ? rest : rest[..colon];
        return host.Length == 0 ? null : host;
    }

    private static bool IsWildcard(string host) =>
        host is "*" or "+" or "0.0.0.0" or "[::]" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));

    private static bool IsLoopback(string? host) =>
        host is not null && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                             || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
