using System.Collections.Frozen;

namespace CxReports.Server.Security;

/// <summary>
/// The key hashes the server accepts, read from the warehouse at start and on every reload, looked up in memory so
/// that checking a key never waits for the warehouse.
/// </summary>
public sealed class ApiKeyRegistry
{
    private volatile FrozenDictionary<string, StoredApiKey> _byHash = FrozenDictionary<string, StoredApiKey>.Empty;

    public int Count => _byHash.Count;

    public void Replace(IEnumerable<StoredApiKey> keys) => _byHash = keys.ToFrozenDictionary(k => k.Hash, StringComparer.Ordinal);

    public StoredApiKey? Find(ReadOnlySpan<char> key)
    {
        Span<char> hash = stackalloc char[ApiKeys.HashLength];
        ApiKeys.Hash(key, hash);
        return _byHash.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(hash, out var found) ? found : null;
    }

    /// <summary>The registered key with this hash: how a page session, which holds the hash and never the key, checks it is still valid.</summary>
    public StoredApiKey? FindByHash(string hash) => _byHash.GetValueOrDefault(hash);
}
