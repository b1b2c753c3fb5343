using CxReports.Server.Security;

namespace CxReports.Server.Serving;

/// <summary>
/// The API keys as the admin API manages them: kept in the warehouse (in its turn), with the server's registry
/// replaced in the same turn, so a key created or revoked counts from the next request.
/// </summary>
public sealed class ApiKeyStore(WarehouseGate warehouse, ApiKeyRegistry registry, TimeProvider time)
{
    public Task<IReadOnlyList<StoredApiKey>> List(CancellationToken cancellation) => warehouse.Run(ApiKeyTable.All, cancellation);

    /// <summary>A new key of <paramref name="scope"/>: the key itself (shown once, never stored) and what is stored.</summary>
    public async Task<(string Key, StoredApiKey Stored)> Create(ApiScope scope, CancellationToken cancellation)
    {
        var key = ApiKeys.Generate();
        var stored = await warehouse.Run(w =>
        {
            var added = ApiKeyTable.Add(w, key, scope, time.GetUtcNow());
            registry.Replace(ApiKeyTable.All(w));
            return added;
        }, cancellation);
        return (key, stored);
    }

    /// <summary>Deletes the key <paramref name="id"/>; false when there is none.</summary>
    public Task<bool> Revoke(string id, CancellationToken cancellation) => warehouse.Run(w =>
    {
        var removed = ApiKeyTable.Remove(w, id);
        registry.Replace(ApiKeyTable.All(w));
        return removed > 0;
    }, cancellation);

    /// <summary>Reads the keys again after something else changed them in the warehouse (a forwarded <c>cxr keys</c>).</summary>
    public async Task Refresh(CancellationToken cancellation) => registry.Replace(await warehouse.Run(ApiKeyTable.All, cancellation));
}
