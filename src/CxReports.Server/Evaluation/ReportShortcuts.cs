using System.Collections.Concurrent;
using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Report requests already answered, remembered by exactly what the full pipeline reads of them before the report route
/// answers: the path the router matched, the query string as sent, the Accept header and the Host header (compared
/// ordinally), each with the <see cref="RememberedReport"/> the full pipeline served. The route's answer is a function of
/// those texts, the serving state and the UTC day (the API key is checked apart, on every request), and host filtering's
/// of the Host and its settings, so a remembered request answers again from the cache entry for as long as the same
/// state serves, on the same day, under the same host settings, and the cache still holds the entry; anything else
/// (another query string, even one that means the same, another name of the server, another state or day, an entry
/// evicted or invalidated) is not found and goes the full way. At most <see cref="CxrServerOptions.ReportShortcuts"/>
/// requests are remembered (when full, all are forgotten and remembering starts again); a path and query, an Accept or
/// a Host longer than <see cref="MaxTextLength"/>, or no Host, is never remembered.
/// </summary>
public sealed class ReportShortcuts : IDisposable
{
    /// <summary>The longest path and query string, Accept and Host header that is remembered: 100,000 requests stay under half a gigabyte at worst.</summary>
    public const int MaxTextLength = 1024;

    private readonly int _capacity;
    private readonly ServingStore _store;
    private readonly ResultCache _cache;
    private readonly TimeProvider _time;
    private readonly IDisposable? _hostSettings;
    private readonly ConcurrentDictionary<(string? PathBase, string? Path, string? Query, string Accept, string Host), RememberedReport> _remembered = new();
    private int _count;
    private long _answered;

    public ReportShortcuts(IOptions<CxrServerOptions> options, ServingStore store, ResultCache cache, TimeProvider time, IOptionsMonitor<HostFilteringOptions> hosts)
    {
        _capacity = options.Value.ReportShortcuts;
        _store = store;
        _cache = cache;
        _time = time;
        // Host filtering admitted each remembered Host under the settings of then: new settings (a changed appsettings.json) may not.
        _hostSettings = hosts.OnChange(_ => Forget());
    }

    /// <summary>Requests answered from a remembered entry so far (the rest went the full way).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Remembers what the full pipeline served for this request (its path, query string, Accept and Host headers).</summary>
    public void Remember(HttpRequest request, RememberedReport served)
    {
        var key = Key(request);
        if (_capacity == 0 || key.Host.Length is 0 or > MaxTextLength || key.Accept.Length > MaxTextLength
            || (key.PathBase?.Length ?? 0) + (key.Path?.Length ?? 0) + (key.Query?.Length ?? 0) > MaxTextLength)
            return;
        if (_remembered.ContainsKey(key))
        {
            _remembered[key] = served;
            return;
        }
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            // Full: forget everything rather than keep an order of use on every hit; the busy requests come back at once.
            Forget();
            Interlocked.Exchange(ref _count, 1);
        }
        _remembered[key] = served;
    }

    /// <summary>
    /// The remembered request this one repeats, with the document the full pipeline would serve for it now as a cache
    /// hit; null if it is not known to be so.
    /// </summary>
    public (RememberedReport Remembered, RenderedDocument Document)? Find(HttpRequest request)
    {
        if (_capacity == 0 || !_remembered.TryGetValue(Key(request), out var remembered)
            || remembered.Served.Generation != _store.Current?.Generation
            || remembered.Served.Day != DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime)
            || _cache.Peek<RenderedDocument>(remembered.Served.CacheId) is not { } document)
            return null;
        return (remembered, document);
    }

    /// <summary>The answer to a request <see cref="Find"/> found, counted as one the shortcut gave.</summary>
    public ServedDocument Answer(RememberedReport remembered, RenderedDocument document)
    {
        Interlocked.Increment(ref _answered);
        var served = remembered.Served;
        return new ServedDocument(document, CacheHit: true, served.FileName, served.Report, served);
    }

    private void Forget()
    {
        _remembered.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>
    /// What the full pipeline reads of a request before the report route answers it: the path as the router matched it
    /// (path base and path, decoded and with dot segments resolved, as the server gives them), the query string exactly
    /// as sent (nothing decoded, reordered or dropped: the route parses it), the Accept header (several joined by
    /// commas, as the route reads it) and the Host header as host filtering reads it.
    /// </summary>
    private static (string? PathBase, string? Path, string? Query, string Accept, string Host) Key(HttpRequest request) =>
        (request.PathBase.Value, request.Path.Value, request.QueryString.Value, request.Headers.Accept.ToString(), request.Host.Value ?? "");

    public void Dispose() => _hostSettings?.Dispose();
}
