using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CxReports.Server.Settings;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CxReports.Server.Serving;

/// <summary>
/// Evaluated results in memory, bounded in bytes: each entry counts its own bytes (<see cref="ICachedResult.Bytes"/>)
/// plus <see cref="EntryOverheadBytes"/>, the whole stays within <see cref="CxrServerOptions.ResultCacheBytes"/> (the
/// least recently used entries make room), and a result larger than <see cref="CxrServerOptions.MaxCachedResultBytes"/>
/// is served but not kept. Concurrent requests for the same key wait for one evaluation, which is cancelled only
/// when every one of them has gone; failures are not cached. Every entry is tagged with what it depends on so a
/// reload can drop exactly the entries it affects; keys carry the versions of what they read, so a stale entry is
/// never served even before it is dropped.
/// </summary>
public sealed class ResultCache : IDisposable
{
    /// <summary>What an entry costs beyond its own bytes (key, bookkeeping), so that many tiny entries are bounded too.</summary>
    public const long EntryOverheadBytes = 1024;

    private readonly MemoryCache _entries;
    private readonly long _maxEntryBytes;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, Flight> _flights = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _tags = new();

    public ResultCache(IOptions<CxrServerOptions> options)
    {
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ResultCacheBytes, TrackStatistics = true });
        _maxEntryBytes = options.Value.MaxCachedResultBytes;
        _lifetime = TimeSpan.FromMinutes(options.Value.CacheMinutes);
    }

    /// <summary>Bytes the cached entries count for now (never more than the limit).</summary>
    public long Bytes => _entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Entries cached now.</summary>
    public int Count => _entries.Count;

    /// <summary>The cached value for the key, or the one <paramref name="create"/> makes (shared with concurrent callers); Hit when this caller did not make it.</summary>
    public ValueTask<(T Value, bool Hit)> GetOrCreate<T>(string tag, string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellation)
        where T : class, ICachedResult => GetOrCreateById(tag, Id(tag, key), create, cancellation);

    /// <summary>
    /// <see cref="GetOrCreate{T}"/> for an entry already named by <see cref="Id"/> (tagged <paramref name="tag"/>), for a
    /// caller that keeps the name to <see cref="Peek{T}"/> at it later.
    /// </summary>
    public async ValueTask<(T Value, bool Hit)> GetOrCreateById<T>(string tag, string id, Func<CancellationToken, Task<T>> create, CancellationToken cancellation)
        where T : class, ICachedResult
    {
        while (true)
        {
            if (_entries.TryGetValue(id, out T? cached) && cached is not null) return (cached, true);
            var mine = new Flight();
            var flight = _flights.GetOrAdd(id, mine);
            if (!flight.Join())
            {
                // Every caller of that evaluation has gone and it is being cancelled: start a new one.
                _flights.TryRemove(new KeyValuePair<string, Flight>(id, flight));
                continue;
            }
            if (ReferenceEquals(flight, mine)) _ = mine.Start(token => Evaluate(id, tag, mine, create, token));
            try
            {
                return ((T)await flight.Result.WaitAsync(cancellation), !ReferenceEquals(flight, mine));
            }
            finally
            {
                flight.Leave();
            }
        }
    }

    /// <summary>
    /// The entry named <paramref name="id"/> if the cache holds it now: exactly when <see cref="GetOrCreateById{T}"/> would
    /// answer a hit without waiting (not evicted, not past its lifetime, its tag not invalidated since it was stored).
    /// </summary>
    public T? Peek<T>(string id) where T : class, ICachedResult => _entries.TryGetValue(id, out T? cached) ? cached : null;

    /// <summary>The name of the entry for <paramref name="key"/> under <paramref name="tag"/>: the tag and a digest of the key.</summary>
    public static string Id(string tag, string key) => $"{tag}#{Digest(key)}";

    /// <summary>Drops every entry tagged <paramref name="tag"/>, and any being evaluated now as soon as it is stored.</summary>
    public ValueTask Invalidate(string tag, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (_tags.TryRemove(tag, out var source)) source.Cancel();
        return ValueTask.CompletedTask;
    }

    public static string ReportTag(string report) => "report:" + report;

    public const string QueryTag = "query";

    public void Dispose() => _entries.Dispose();

    private async Task<object> Evaluate<T>(string id, string tag, Flight flight, Func<CancellationToken, Task<T>> create, CancellationToken cancellation)
        where T : class, ICachedResult
    {
        // Taken before evaluating: an invalidation while it runs expires the new entry at once.
        var expiry = new CancellationChangeToken(_tags.GetOrAdd(tag, _ => new CancellationTokenSource()).Token);
        try
        {
            var value = await create(cancellation);
            if (value.Bytes <= _maxEntryBytes)
            {
                using var entry = _entries.CreateEntry(id);
                entry.Value = value;
                entry.Size = value.Bytes + EntryOverheadBytes;
                entry.AbsoluteExpirationRelativeToNow = _lifetime;
                entry.ExpirationTokens.Add(expiry);
            }
            return value;
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<string, Flight>(id, flight));
        }
    }

    private static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>One evaluation in progress and the callers waiting for it; cancelled when the last of them leaves.</summary>
    private sealed class Flight
    {
        private readonly Lock _gate = new();
        private readonly CancellationTokenSource _cancel = new();
        private readonly TaskCompletionSource<object> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiters;
        private bool _abandoned;

        public Task<object> Result => _result.Task;

        public bool Join()
        {
            lock (_gate)
            {
                if (_abandoned) return false;
                _waiters++;
                return true;
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                if (--_waiters > 0 || _result.Task.IsCompleted) return;
                _abandoned = true;
            }
            _cancel.Cancel();
        }

        public async Task Start(Func<CancellationToken, Task<object>> work)
        {
            try
            {
                _result.TrySetResult(await work(_cancel.Token));
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                _result.TrySetCanceled(_cancel.Token);
            }
            catch (Exception e)
            {
                _result.TrySetException(e);
            }
        }
    }
}

/// <summary>A cached value that knows how many bytes it holds, so that the cache is bounded in bytes.</summary>
public interface ICachedResult
{
    long Bytes { get; }
}

/// <summary>A document as sent: its bytes, media type and entity tag. Immutable, so the cache hands out one instance.</summary>
public sealed record RenderedDocument(byte[] Content, string ContentType, string ETag) : ICachedResult
{
    /// <summary>The serialized bytes, and the two strings.</summary>
    public long Bytes => Content.Length + 2L * (ContentType.Length + ETag.Length);
}

/// <summary>An evaluated report held in the cache; immutable once made, so the cache shares it without copying.</summary>
public sealed record EvaluationEntry(Engine.Reports.EvaluatedReport Report) : ICachedResult
{
    /// <summary>An estimate of the memory the report's tables and texts take (boxed values, row arrays, strings).</summary>
    public long Bytes { get; } = Estimate(Report);

    private static long Estimate(Engine.Reports.EvaluatedReport report)
    {
        const long objectHeader = 24, reference = 8;
        static long Text(string? s) => s is null ? 0 : objectHeader + 2L * s.Length;
        long bytes = 1024;
        foreach (var block in report.Sections.SelectMany(s => s.Blocks))
        {
            bytes += 256 + Text(block.Title) + Text(block.Text);
            if (block.Table is not { } table) continue;
            foreach (var row in table.Rows)
            {
                bytes += objectHeader + reference * (row.Length + 1);
                foreach (var value in row) bytes += value is string s ? Text(s) : value is null ? 0 : objectHeader;
            }
        }
        return bytes;
    }
}
