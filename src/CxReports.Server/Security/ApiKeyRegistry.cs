using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace CxReports.Server.Security;

/// <summary>
/// The key hashes the server accepts, read from the warehouse at start and on every reload, looked up in memory so
/// that checking a key never waits for the warehouse. A key once verified is remembered with its registration, so
/// the next request with it costs a dictionary lookup instead of a SHA-256 (the cached report path spends most of
/// its time in the pipeline, and the hash was a part). The remembered keys belong to one set of registrations: a
/// create, revoke or reload replaces both at once, so a revoked key is refused from the next request. Only keys that
/// are registered are remembered, one each, so there are never more than there are registrations; unknown keys are
/// hashed every time and never kept. Keys stay hashed at rest (the warehouse holds only their SHA-256).
/// </summary>
public sealed class ApiKeyRegistry
{
    private volatile Registrations _current = new(FrozenDictionary<string, StoredApiKey>.Empty);

    public int Count => _current.ByHash.Count;

    /// <summary>How many keys are remembered as verified (at most <see cref="Count"/>).</summary>
    public int VerifiedCount => _current.Verified.Count;

    public void Replace(IEnumerable<StoredApiKey> keys) => _current = new Registrations(keys.ToFrozenDictionary(k => k.Hash, StringComparer.Ordinal));

    public StoredApiKey? Find(string key)
    {
        var current = _current;
        if (current.Verified.TryGetValue(key, out var known)) return known;
        if (current.ByHash.GetValueOrDefault(ApiKeys.Hash(key)) is not { } stored) return null;
        // Each registration has one key, so this stays within the registrations; the check keeps it so if that ever changes.
        if (current.Verified.Count < current.ByHash.Count) current.Verified.TryAdd(key, stored);
        return stored;
    }

    /// <summary>The registered key with this hash: how a page session, which holds the hash and never the key, checks it is still valid.</summary>
    public StoredApiKey? FindByHash(string hash) => _current.ByHash.GetValueOrDefault(hash);

    /// <summary>One set of registrations and the keys verified against it, replaced together.</summary>
    private sealed record Registrations(FrozenDictionary<string, StoredApiKey> ByHash)
    {
        public ConcurrentDictionary<string, StoredApiKey> Verified { get; } = new(StringComparer.Ordinal);
    }
}
