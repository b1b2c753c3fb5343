using System.Collections.Concurrent;
using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Report requests already answered, remembered by exactly what they said: the raw request target (path and query
/// string as sent, compared ordinally) and the Accept header, each with the <see cref="CachedDocument"/> the full
/// pipeline served. The report route's answer is a function of those two texts, the serving state and the UTC day
/// (the API key is checked apart, on every request), so a remembered request answers again from the cache entry for as
/// long as the same state serves, on the same day, and the cache still holds the entry; anything else (another
/// target, even one that means the same, another state or day, an entry evicted or invalidated) is not found and goes
/// the full way. At most <see cref="CxrServerOptions.ReportShortcuts"/> requests are remembered (when full, all are
/// forgotten and remembering starts again); a target or Accept longer than <see cref="MaxTextLength"/> is never remembered.
/// </summary>
public sealed class ReportShortcuts(IOptions<CxrServerOptions> options, ServingStore store, ResultCache cache, TimeProvider time)
{
    /// <summary>The longest request target, and Accept header, that is remembered: 100,000 of them stay under half a gigabyte at worst.</summary>
    public const int MaxTextLength = 1024;

    private readonly int _capacity = options.Value.ReportShortcuts;
    private readonly ConcurrentDictionary<(string Target, string Accept), CachedDocument> _remembered = new();
    private int _count;
    private long _answered;

    /// <summary>Requests answered from a remembered entry so far (the rest went the full way).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Remembers what the full pipeline served for this request (its target and Accept header).</summary>
    public void Remember(HttpRequest request, CachedDocument served)
    {
        var (target, accept) = Key(request);
        if (_capacity == 0 || target.Length > MaxTextLength || accept.Length > MaxTextLength) return;
        if (_remembered.ContainsKey((target, accept)))
        {
            _remembered[(target, accept)] = served;
            return;
        }
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            // Full: forget everything rather than keep an order of use on every hit; the busy requests come back at once.
            _remembered.Clear();
            Interlocked.Exchange(ref _count, 1);
        }
        _remembered[(target, accept)] = served;
    }

    /// <summary>The document the full pipeline would serve now for this request (its target and Accept header), as a cache hit; null if it is not known to be so.</summary>
    public ServedDocument? Answer(HttpRequest request)
    {
        if (_capacity == 0 || !_remembered.TryGetValue(Key(request), out var served)
            || !ReferenceEquals(served.State, store.Current)
            || served.Day != DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)
            || cache.Peek<RenderedDocument>(served.CacheId) is not { } document)
            return null;
        Interlocked.Increment(ref _answered);
        return new ServedDocument(document, CacheHit: true, served.FileName, served.Report, served);
    }

    /// <summary>
    /// The target as the client sent it (Kestrel's raw target: nothing decoded, reordered or dropped) and the Accept
    /// header as the report route reads it (several joined by commas).
    /// </summary>
    private static (string Target, string Accept) Key(HttpRequest request) =>
        (request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, request.Headers.Accept.ToString());
}
