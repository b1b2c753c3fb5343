using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Tests.Serving;

public sealed class ResultCacheTests
{
    private static ResultCache Cache(long bytes, long maxEntry) =>
        new(Options.Create(new CxrServerOptions { ResultCacheBytes = bytes, MaxCachedResultBytes = maxEntry }));

    private static RenderedDocument Document(int bytes) => new(new byte[bytes], "application/json", "\"e\"");

    // A 9,000-byte document counts 9,000 + 2 × (16 + 3) for its two strings + 1,024 of overhead = 10,062 bytes.
    private const long EntryBytes = 10_062;

    [Fact]
    public async Task Distinct_results_past_the_limit_keep_the_cached_bytes_under_it_counting_each_entry_by_its_bytes()
    {
        using var cache = Cache(bytes: 100_000, maxEntry: 100_000);
        for (var i = 0; i < 50; i++)
        {
            await cache.GetOrCreate(ResultCache.QueryTag, $"q{i}", _ => Task.FromResult(Document(9_000)), CancellationToken.None);
            Assert.InRange(cache.Bytes, 0, 100_000);
        }
        // Nine entries are 90,558 bytes; a tenth would be 100,620.
        Assert.InRange(cache.Count, 1, 9);
        Assert.Equal(cache.Count * EntryBytes, cache.Bytes);
    }

    [Fact]
    public async Task A_result_over_the_entry_limit_is_returned_but_not_kept()
    {
        using var cache = Cache(bytes: 1_000_000, maxEntry: 5_000);
        var made = 0;
        Task<RenderedDocument> Make(int size)
        {
            made++;
            return Task.FromResult(Document(size));
        }
        var first = await cache.GetOrCreate(ResultCache.QueryTag, "large", _ => Make(6_000), CancellationToken.None);
        var second = await cache.GetOrCreate(ResultCache.QueryTag, "large", _ => Make(6_000), CancellationToken.None);
        Assert.Equal((6_000, false, false, 2), (first.Value.Content.Length, first.Hit, second.Hit, made));
        await cache.GetOrCreate(ResultCache.QueryTag, "small", _ => Make(4_000), CancellationToken.None);
        Assert.True((await cache.GetOrCreate(ResultCache.QueryTag, "small", _ => Make(4_000), CancellationToken.None)).Hit);
        Assert.Equal(3, made);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_key_share_one_evaluation()
    {
        using var cache = Cache(bytes: 1_000_000, maxEntry: 1_000_000);
        var release = new TaskCompletionSource<RenderedDocument>();
        var made = 0;
        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetOrCreate(ResultCache.QueryTag, "k", _ =>
        {
            Interlocked.Increment(ref made);
            return release.Task;
        }, CancellationToken.None).AsTask()).ToArray();
        release.SetResult(Document(10));
        var results = await Task.WhenAll(callers);
        Assert.Equal((1, 9), (made, results.Count(r => r.Hit)));
        Assert.All(results, r => Assert.Same(results[0].Value, r.Value));
    }

    [Fact]
    public async Task An_evaluation_is_cancelled_only_when_every_caller_waiting_for_it_has_gone()
    {
        using var cache = Cache(bytes: 1_000_000, maxEntry: 1_000_000);
        var cancelled = new TaskCompletionSource();
        Task<RenderedDocument> Slow(CancellationToken token)
        {
            token.Register(() => cancelled.TrySetResult());
            return Task.Delay(Timeout.Infinite, token).ContinueWith(_ => Document(1), TaskScheduler.Default);
        }
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = cache.GetOrCreate(ResultCache.QueryTag, "k", Slow, first.Token).AsTask();
        var b = cache.GetOrCreate(ResultCache.QueryTag, "k", Slow, second.Token).AsTask();
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        Assert.False(cancelled.Task.IsCompleted);
        await second.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Invalidating_a_tag_drops_its_entries_and_only_those()
    {
        using var cache = Cache(bytes: 1_000_000, maxEntry: 1_000_000);
        await cache.GetOrCreate("report:a", "k", _ => Task.FromResult(Document(10)), CancellationToken.None);
        await cache.GetOrCreate("report:b", "k", _ => Task.FromResult(Document(10)), CancellationToken.None);
        await cache.Invalidate("report:a");
        Assert.False((await cache.GetOrCreate("report:a", "k", _ => Task.FromResult(Document(10)), CancellationToken.None)).Hit);
        Assert.True((await cache.GetOrCreate("report:b", "k", _ => Task.FromResult(Document(10)), CancellationToken.None)).Hit);
    }

    [Fact]
    public async Task A_failed_evaluation_is_not_cached()
    {
        using var cache = Cache(bytes: 1_000_000, maxEntry: 1_000_000);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await cache.GetOrCreate<RenderedDocument>(ResultCache.QueryTag, "k", _ => throw new InvalidOperationException("no"), CancellationToken.None));
        Assert.False((await cache.GetOrCreate(ResultCache.QueryTag, "k", _ => Task.FromResult(Document(10)), CancellationToken.None)).Hit);
    }
}
