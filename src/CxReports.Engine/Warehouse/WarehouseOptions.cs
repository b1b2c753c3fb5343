using CxReports.Engine.Dialects;

namespace CxReports.Engine.Warehouse;

/// <summary>The engines a warehouse can run on.</summary>
public enum WarehouseProvider { DuckDb, Postgres }

/// <summary>
/// Where the warehouse lives and which directory its sources may read: the embedded DuckDB file (the default), or a
/// PostgreSQL database given by an Npgsql connection string, whose tables go in <see cref="Schema"/>.
/// </summary>
public sealed record WarehouseOptions(string DataDirectory, string? DatabasePath = null, string MemoryLimit = "4GB")
{
    public WarehouseProvider Provider { get; init; } = WarehouseProvider.DuckDb;

    /// <summary>The Npgsql connection string (PostgreSQL only).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// Optional: how report queries connect (PostgreSQL only), as a login role granted the schema's reader role.
    /// Without it the reader role itself logs in with a password made at start.
    /// </summary>
    public string? ReaderConnectionString { get; init; }

    /// <summary>The PostgreSQL schema holding the sources and logs; report queries can read nothing else.</summary>
    public string Schema { get; init; } = "cxr";

    /// <summary>The database file: as configured, or <c>cxreports.duckdb</c> inside the data directory.</summary>
    public string DatabaseFile => Path.GetFullPath(DatabasePath ?? Path.Combine(DataDirectory, "cxreports.duckdb"));

    /// <summary>
    /// On PostgreSQL, the DuckDB file where files are read and checked before they are copied over (it keeps the
    /// checked copy of each source, against which later sources' links are checked): next to where the DuckDB
    /// warehouse would be.
    /// </summary>
    public string StagingFile => Path.Combine(Path.GetDirectoryName(DatabaseFile)!, "cxreports-staging.duckdb");

    public string DataRoot => Path.GetFullPath(DataDirectory);

    /// <summary>The SQL the chosen engine speaks (known without connecting, for <c>cxr explain</c>).</summary>
    public ISqlDialect Dialect => Provider == WarehouseProvider.Postgres ? PostgresDialect.Instance : DuckDbDialect.Instance;

    /// <summary>Parses a provider name as written in configuration and flags (<c>duckdb</c>, <c>postgres</c>).</summary>
    public static WarehouseProvider? ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "duckdb" or "" or null => WarehouseProvider.DuckDb,
        "postgres" or "postgresql" => WarehouseProvider.Postgres,
        _ => null,
    };
}
