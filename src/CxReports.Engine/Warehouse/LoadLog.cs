namespace CxReports.Engine.Warehouse;

/// <summary>One entry of the load log: what was loaded from which files, how it went.</summary>
public sealed record LoadRecord(
    string Source,
    string Files,
    string ContentHash,
    long Rows,
    DateTimeOffset LoadedAt,
    long DurationMs,
    LoadLogStatus Status,
    string? Error)
{
    /// <summary>Where the loaded data ends on the source's time axis; null for a failed load, a source without a time
    /// field, or one with no time on any row.</summary>
    public DataThrough? DataThrough { get; init; }
}

/// <summary>The load log table: every load attempt, kept, so the latest good load of a source tells its version.</summary>
public sealed class LoadLog(IWarehouse warehouse)
{
    public const string Table = "_cxr_loads";

    public void EnsureCreated() => warehouse.CreateMissing($"""
        CREATE TABLE IF NOT EXISTS {Table} (
            source VARCHAR NOT NULL,
            files VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,
            rows BIGINT NOT NULL,
            loaded_at TIMESTAMP NOT NULL, -- UTC
            duration_ms BIGINT NOT NULL,
            status VARCHAR NOT NULL,
            error VARCHAR
        )
        """,
        // Added after the table was first created: a warehouse from before keeps its log and gains the column.
        $"ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS data_through VARCHAR");

    public void Record(LoadRecord record) => warehouse.Execute(
        $"INSERT INTO {Table} (source, files, content_hash, rows, loaded_at, duration_ms, status, error, data_through) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        record.Source, record.Files, record.ContentHash, record.Rows, record.LoadedAt.UtcDateTime, record.DurationMs, record.Status.ToText(), record.Error,
        record.DataThrough?.ToString());

    /// <summary>The last successful load of a source, if any: its content hash decides whether to load again.</summary>
    public LoadRecord? LastLoaded(string source) => Latest(source, LoadLogStatus.Ok);

    /// <summary>The last attempt, successful or not.</summary>
    public LoadRecord? LastAttempt(string source) => Latest(source, null);

    private LoadRecord? Latest(string source, LoadLogStatus? status) => warehouse.Query(
        $"SELECT source, files, content_hash, rows, loaded_at, duration_ms, status, error, data_through FROM {Table} " +
        "WHERE source = $1 AND (CAST($2 AS VARCHAR) IS NULL OR status = CAST($2 AS VARCHAR)) ORDER BY loaded_at DESC LIMIT 1", // typed: PostgreSQL cannot infer a null's type
        r => new LoadRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3),
            new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc)), r.GetInt64(5), LoadLogStatusText.Parse(r.GetString(6)),
            r.IsDBNull(7) ? null : r.GetString(7)) { DataThrough = DataThrough.Parse(r.IsDBNull(8) ? null : r.GetString(8)) },
        source, status?.ToText()).FirstOrDefault();
}
