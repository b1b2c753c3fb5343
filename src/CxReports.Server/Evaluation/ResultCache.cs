using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Evaluated results in <see cref="HybridCache"/> (in-process): concurrent requests for the same key wait for one
/// evaluation, failures are not cached, and every entry is tagged with what it depends on so a reload can drop
/// exactly the entries it affects. Keys carry the versions of what they read, so a stale entry is never served even
/// before it is dropped.
/// </summary>
public sealed class ResultCache(HybridCache cache)
{
    public async ValueTask<(T Value, bool Hit)> GetOrCreate<T>(string tag, string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellation)
        where T : class
    {
        var probe = new Probe<T>(create);
        var value = await cache.GetOrCreateAsync($"{tag}#{Digest(key)}", probe,
            static async (p, token) =>
            {
                p.Created = true;
                return await p.Create(token);
            },
            tags: [tag], cancellationToken: cancellation);
        return (value, !probe.Created);
    }

    public ValueTask Invalidate(string tag, CancellationToken cancellation = default) => cache.RemoveByTagAsync(tag, cancellation);

    public static string ReportTag(string report) => "report:" + report;

    public const string QueryTag = "query";

    private static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed class Probe<T>(Func<CancellationToken, Task<T>> create)
    {
        public Func<CancellationToken, Task<T>> Create { get; } = create;
        public bool Created;
    }
}

/// <summary>A document as sent: its bytes, media type and entity tag. Immutable, so the cache hands out one instance.</summary>
[ImmutableObject(true)]
public sealed record RenderedDocument(byte[] Content, string ContentType, string ETag);

/// <summary>An evaluated report held in the cache; immutable once made, so the cache shares it without copying.</summary>
[ImmutableObject(true)]
public sealed record EvaluationEntry(Engine.Reports.EvaluatedReport Report);
