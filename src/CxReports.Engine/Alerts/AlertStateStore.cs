using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Alerts;

/// <summary>The alert states in the warehouse, one row per alert and segment, beside the run log.</summary>
public sealed class AlertStateStore(IWarehouseAccess access)
{
    public const string Table = "_cxr_alert_states";

    public AlertStateStore EnsureCreated()
    {
        access.Use(w =>
        {
            w.CreateMissing($"""
                CREATE TABLE IF NOT EXISTS {Table} (alert VARCHAR NOT NULL, segment VARCHAR NOT NULL, firing BOOLEAN NOT NULL,
                    since TIMESTAMP NOT NULL, evaluated TIMESTAMP NOT NULL, value DOUBLE PRECISION, PRIMARY KEY (alert, segment))
                """,
                // The last judgement's numbers beside the value, added to a table made before they were kept.
                $"ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS previous DOUBLE PRECISION",
                $"ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS change DOUBLE PRECISION",
                $"ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS p_value DOUBLE PRECISION");
            return 0;
        });
        return this;
    }

    /// <summary>The states of one alert by segment.</summary>
    public IReadOnlyDictionary<string, AlertState> Of(string alert) =>
        Query($"SELECT {Columns} FROM {Table} WHERE alert = $1", alert).ToDictionary(s => s.Segment, StringComparer.Ordinal);

    /// <summary>Every stored state, by alert and segment.</summary>
    public IReadOnlyList<AlertState> All() => Query($"SELECT {Columns} FROM {Table} ORDER BY alert, segment");

    /// <summary>Writes the states, replacing each segment's previous one.</summary>
    public void Save(IEnumerable<AlertState> states)
    {
        foreach (var state in states)
            access.Use(w => w.Execute(
                $"INSERT INTO {Table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (alert, segment) DO UPDATE SET " +
                "firing = excluded.firing, since = excluded.since, evaluated = excluded.evaluated, value = excluded.value, " +
                "previous = excluded.previous, change = excluded.change, p_value = excluded.p_value",
                state.Alert, state.Segment, state.Firing, state.Since.UtcDateTime, state.Evaluated.UtcDateTime, state.Value,
                state.Previous, state.Change, state.PValue));
    }

    private const string Columns = "alert, segment, firing, since, evaluated, value, previous, change, p_value";

    private List<AlertState> Query(string sql, params object?[] parameters) => access.Use(w => w.Query(sql, r => new AlertState(
        r.GetString(0), r.GetString(1), r.GetBoolean(2), Utc(r.GetDateTime(3)), Utc(r.GetDateTime(4)), Number(r, 5))
    {
        Previous = Number(r, 6),
        Change = Number(r, 7),
        PValue = Number(r, 8),
    }, parameters));

    private static double? Number(System.Data.Common.DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetDouble(column);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
