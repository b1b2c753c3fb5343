using System.Collections.Concurrent;
using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Report requests already answered, remembered by exactly what the report route reads of them: the path the router
/// matched, the query string as sent and the Accept header (compared ordinally), each with the <see cref="CachedDocument"/>
/// the full pipeline served. The route's answer is a function of those texts, the serving state and the UTC day
/// (the API key is checked apart, on every request), so a remembered request answers again from the cache entry for as
/// long as the same state serves, on the same day, and the cache still holds the entry; anything else (another
/// query string, even one that means the same, another state or day, an entry evicted or invalidated) is not found and goes
/// the full way. At most <see cref="CxrServerOptions.ReportShortcuts"/> requests are remembered (when full, all are
/// forgotten and remembering starts again); a path and query, or an Accept, longer than <see cref="MaxTextLength"/> is never remembered.
/// </summary>
public sealed class ReportShortcuts(IOptions<CxrServerOptions> options, ServingStore store, ResultCache cache, TimeProvider time)
{
    /// <summary>The longest path and query string, and Accept header, that is remembered: 100,000 requests stay under half a gigabyte at worst.</summary>
    public const int MaxTextLength = 1024;

    private readonly int _capacity = options.Value.ReportShortcuts;
    private readonly ConcurrentDictionary<(string? PathBase, string? Path, string? Query, string Accept), CachedDocument> _remembered = new();
    private int _count;
    private long _answered;

    /// <summary>Requests answered from a remembered entry so far (the rest went the full way).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Remembers what the full pipeline served for this request (its path, query string and Accept header).</summary>
    public void Remember(HttpRequest request, CachedDocument served)
    {
        var key = Key(request);
        if (_capacity == 0 || (key.PathBase?.Length ?? 0) + (key.Path?.Length ?? 0) + (key.Query?.Length ?? 0) > MaxTextLength || key.Accept.Length > MaxTextLength) return;
        if (_remembered.ContainsKey(key))
        {
            _remembered[key] = served;
            return;
        }
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            // Full: forget everything rather than keep an order of use on every hit; the busy requests come back at once.
            _remembered.Clear();
            Interlocked.Exchange(ref _count, 1);
        }
        _remembered[key] = served;
    }

    /// <summary>The document the full pipeline would serve now for this request (its path, query string and Accept header), as a cache hit; null if it is not known to be so.</summary>
    public ServedDocument? Answer(HttpRequest request)
    {
        if (_capacity == 0 || !_remembered.TryGetValue(Key(request), out var served)
            || served.Generation != store.Current?.Generation
            || served.Day != DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)
            || cache.Peek<RenderedDocument>(served.CacheId) is not { } document)
            return null;
        Interlocked.Increment(ref _answered);
        return new ServedDocument(document, CacheHit: true, served.FileName, served.Report, served);
    }

    /// <summary>
    /// What the report route reads of a request: the path as the router matched it (path base and path, decoded and
    /// with dot segments resolved, as the server gives them), the query string exactly as sent (nothing decoded,
    /// reordered or dropped: the route parses it), and the Accept header (several joined by commas, as the route reads it).
    /// </summary>
    private static (string? PathBase, string? Path, string? Query, string Accept) Key(HttpRequest request) =>
        (request.PathBase.Value, request.Path.Value, request.QueryString.Value, request.Headers.Accept.ToString());
}
