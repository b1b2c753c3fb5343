using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Scheduling;

/// <summary>A delivery attempt as recorded.</summary>
public sealed record DeliveryRecord(string RunId, string Report, DateTimeOffset ScheduledFor, string Kind, string Target,
    int Attempt, DeliveryStatus Status, string? Error, DateTimeOffset At, string IdempotencyKey);

/// <summary>A run as recorded: a scheduled slot or a manual run, its outcome and its deliveries.</summary>
public sealed record RunRecord(string RunId, string Report, DateTimeOffset ScheduledFor, string Trigger, DateTimeOffset Started,
    DateTimeOffset? Finished, RunStatus Status, string? Error);

/// <summary>
/// The durable run log in the warehouse: runs, and every delivery attempt with its idempotency key, so after a
/// restart the scheduler knows what was delivered (a slot is delivered at most once per target).
/// </summary>
public sealed class RunLog(IWarehouseAccess access)
{
    public RunLog(IWarehouse warehouse) : this(new DirectWarehouseAccess(warehouse))
    {
    }

    public const string Runs = "_cxr_runs";
    public const string Deliveries = "_cxr_deliveries";
    public const string Schedules = "_cxr_schedules";

    /// <summary>Numbers delivery records in insertion order (timestamps can tie; no engine-neutral row id exists).</summary>
    private const string DeliverySequence = "_cxr_delivery_seq";

    public RunLog EnsureCreated()
    {
        access.Use(w =>
        {
            w.CreateMissing(
                $"""
                CREATE TABLE IF NOT EXISTS {Runs} (run_id VARCHAR PRIMARY KEY, report VARCHAR NOT NULL, scheduled_for TIMESTAMP NOT NULL,
                    trigger VARCHAR NOT NULL, started TIMESTAMP NOT NULL, finished TIMESTAMP, status VARCHAR NOT NULL, error VARCHAR)
                """,
                $"CREATE SEQUENCE IF NOT EXISTS {DeliverySequence}",
                $"""
                CREATE TABLE IF NOT EXISTS {Deliveries} (seq BIGINT NOT NULL DEFAULT nextval('{DeliverySequence}'), run_id VARCHAR NOT NULL, report VARCHAR NOT NULL, scheduled_for TIMESTAMP NOT NULL,
                    kind VARCHAR NOT NULL, target VARCHAR NOT NULL, attempt INTEGER NOT NULL, status VARCHAR NOT NULL, error VARCHAR,
                    attempted_at TIMESTAMP NOT NULL, idempotency_key VARCHAR NOT NULL)
                """,
                // A warehouse made before deliveries were numbered has them without seq: numbered now in their stored order.
                $"ALTER TABLE {Deliveries} ADD COLUMN IF NOT EXISTS seq BIGINT DEFAULT nextval('{DeliverySequence}')",
                $"CREATE TABLE IF NOT EXISTS {Schedules} (report VARCHAR PRIMARY KEY, first_seen TIMESTAMP NOT NULL)");
            return 0;
        });
        return this;
    }

    public void StartRun(RunRecord run) => Execute(
        $"INSERT INTO {Runs} VALUES ($1, $2, $3, $4, $5, NULL, $6, NULL)",
        run.RunId, run.Report, Utc(run.ScheduledFor), run.Trigger, Utc(run.Started), run.Status.ToText());

    public void FinishRun(string runId, DateTimeOffset finished, RunStatus status, string? error) => Execute(
        $"UPDATE {Runs} SET finished = $2, status = $3, error = $4 WHERE run_id = $1", runId, Utc(finished), status.ToText(), error);

    public void RecordDelivery(DeliveryRecord record) => Execute(
        $"INSERT INTO {Deliveries} (run_id, report, scheduled_for, kind, target, attempt, status, error, attempted_at, idempotency_key) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        record.RunId, record.Report, Utc(record.ScheduledFor), record.Kind, record.Target, record.Attempt, record.Status.ToText(),
        record.Error, Utc(record.At), record.IdempotencyKey);

    /// <summary>The last recorded state of a delivery (by its idempotency key): delivered, sending, failed, or none.</summary>
    public DeliveryStatus? DeliveryState(string idempotencyKey) => LastAttempt(idempotencyKey)?.Status;

    /// <summary>The last record of a delivery (by its idempotency key), in whichever run it was made.</summary>
    public DeliveryRecord? LastAttempt(string idempotencyKey) => Query(
        $"SELECT {DeliveryColumns} FROM {Deliveries} WHERE idempotency_key = $1 ORDER BY seq DESC LIMIT 1",
        ReadDelivery, idempotencyKey).FirstOrDefault();

    /// <summary>The status of one run, or null if it was never recorded.</summary>
    public RunStatus? RunStatus(string runId) =>
        Query($"SELECT status FROM {Runs} WHERE run_id = $1", r => (RunStatus?)StatusText.Parse<RunStatus>(r.GetString(0)), runId).FirstOrDefault();

    /// <summary>Runs still marked running that were started before <paramref name="before"/>: left so by a process that stopped.</summary>
    public IReadOnlyList<RunRecord> Interrupted(DateTimeOffset before) => Query(
        $"SELECT {RunColumns} FROM {Runs} WHERE status = '{Scheduling.RunStatus.Running.ToText()}' AND started < $1 ORDER BY started", ReadRun, Utc(before));

    /// <summary>The runs of <paramref name="report"/> still marked running, oldest first: being made now, or left so by a process that stopped.</summary>
    public IReadOnlyList<RunRecord> Unfinished(string report) => Query(
        $"SELECT {RunColumns} FROM {Runs} WHERE status = '{Scheduling.RunStatus.Running.ToText()}' AND report = $1 ORDER BY started", ReadRun, report);

    /// <summary>The latest slot of a report that a scheduled run was started for.</summary>
    public DateTimeOffset? LastScheduledSlot(string report) => Query(
        $"SELECT max(scheduled_for) FROM {Runs} WHERE report = $1 AND trigger = 'schedule'",
        r => r.IsDBNull(0) ? (DateTimeOffset?)null : Utc(r.GetDateTime(0)), report).Single();

    /// <summary>When the scheduler first saw this report's schedule (recording now if it never did).</summary>
    public DateTimeOffset FirstSeen(string report, DateTimeOffset now)
    {
        Execute($"INSERT INTO {Schedules} VALUES ($1, $2) ON CONFLICT DO NOTHING", report, Utc(now));
        return Query($"SELECT first_seen FROM {Schedules} WHERE report = $1", r => Utc(r.GetDateTime(0)), report).Single();
    }

    public IReadOnlyList<RunRecord> RecentRuns(string? report, int limit = 100) => Query(
        $"SELECT {RunColumns} FROM {Runs} " +
        $"WHERE CAST($1 AS VARCHAR) IS NULL OR report = CAST($1 AS VARCHAR) ORDER BY started DESC LIMIT {limit}", ReadRun, report);

    public IReadOnlyList<DeliveryRecord> DeliveriesOf(string runId) => Query(
        $"SELECT {DeliveryColumns} FROM {Deliveries} WHERE run_id = $1 ORDER BY seq", ReadDelivery, runId);

    private const string RunColumns = "run_id, report, scheduled_for, trigger, started, finished, status, error";

    private const string DeliveryColumns = "run_id, report, scheduled_for, kind, target, attempt, status, error, attempted_at, idempotency_key";

    private static RunRecord ReadRun(System.Data.Common.DbDataReader r) => new(r.GetString(0), r.GetString(1), Utc(r.GetDateTime(2)), r.GetString(3),
        Utc(r.GetDateTime(4)), r.IsDBNull(5) ? null : Utc(r.GetDateTime(5)), StatusText.Parse<RunStatus>(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7));

    private static DeliveryRecord ReadDelivery(System.Data.Common.DbDataReader r) => new(r.GetString(0), r.GetString(1), Utc(r.GetDateTime(2)),
        r.GetString(3), r.GetString(4), r.GetInt32(5), StatusText.Parse<DeliveryStatus>(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7), Utc(r.GetDateTime(8)), r.GetString(9));

    private void Execute(string sql, params object?[] parameters) => access.Use(w => w.Execute(sql, parameters));

    private List<T> Query<T>(string sql, Func<System.Data.Common.DbDataReader, T> map, params object?[] parameters) =>
        access.Use(w => w.Query(sql, map, parameters));

    private static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
