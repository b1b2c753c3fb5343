using CxReports.Engine.Warehouse;

namespace CxReports.Server.Security;

/// <summary>A stored key: its id (the first 8 hex digits of its hash, safe to log), hash, scope and creation time.</summary>
public sealed record StoredApiKey(string Id, string Hash, ApiScope Scope, DateTimeOffset CreatedAt);

/// <summary>The warehouse table of API key hashes. The keys themselves are never stored.</summary>
public static class ApiKeyTable
{
    public const string Table = "_cxr_api_keys";

    public static void EnsureCreated(IWarehouse warehouse) => warehouse.CreateMissing($"""
        CREATE TABLE IF NOT EXISTS {Table} (
            id VARCHAR NOT NULL,
            hash VARCHAR NOT NULL PRIMARY KEY,
            scope VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL -- UTC
        )
        """);

    public static StoredApiKey Add(IWarehouse warehouse, string key, ApiScope scope, DateTimeOffset now)
    {
        EnsureCreated(warehouse);
        var hash = ApiKeys.Hash(key);
        var stored = new StoredApiKey(hash[..8], hash, scope, now);
        warehouse.Execute($"INSERT INTO {Table} VALUES ($1, $2, $3, $4)", stored.Id, hash, scope.Name(), now.UtcDateTime);
        return stored;
    }

    /// <summary>Deletes the keys whose id is <paramref name="id"/>; how many there were.</summary>
    public static int Remove(IWarehouse warehouse, string id)
    {
        EnsureCreated(warehouse);
        return warehouse.Execute($"DELETE FROM {Table} WHERE id = $1", id);
    }

    public static IReadOnlyList<StoredApiKey> All(IWarehouse warehouse)
    {
        EnsureCreated(warehouse);
        return warehouse.Query($"SELECT id, hash, scope, created_at FROM {Table}",
            r => ApiKeys.ParseScope(r.GetString(2)) is { } scope
                ? new StoredApiKey(r.GetString(0), r.GetString(1), scope, new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc)))
                : null).OfType<StoredApiKey>().ToArray();
    }
}
