using System.Data.Common;
using System.Diagnostics;
using CxReports.Engine.Dialects;
using DuckDB.NET.Data;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// The embedded DuckDB warehouse: one database file holding each source as a table and the load log. One
/// connection, used by one caller at a time; timestamps are UTC unless a query converts them. Report queries run
/// in the sandbox every statement runs in (see <see cref="Sandbox"/>): the instance cannot touch files outside the
/// data directory, whatever SQL it is given.
/// </summary>
public sealed class DuckDbWarehouse : IWarehouse
{
    private readonly DuckDBConnection _connection;

    public WarehouseOptions Options { get; }
    public LoadLog Log { get; }

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    public DuckDbWarehouse Staging => this;

    public string Description => $"DuckDB file {Options.DatabaseFile}";

    /// <summary>Called after each statement with its SQL and how long it took (for profiling loads and reports); null = off.</summary>
    public Action<string, TimeSpan>? Trace { get; set; }

    private DuckDbWarehouse(WarehouseOptions options, DuckDBConnection connection)
    {
        Options = options;
        _connection = connection;
        Log = new LoadLog(this);
    }

    public static DuckDbWarehouse Open(WarehouseOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabaseFile)!);
        var connection = new DuckDBConnection($"DataSource={options.DatabaseFile}");
        connection.Open();
        var warehouse = new DuckDbWarehouse(options, connection);
        // Explicit, so bucketing never depends on the host's zone.
        warehouse.Execute("SET TimeZone = 'UTC'");
        warehouse.Log.EnsureCreated();
        warehouse.Sandbox();
        return warehouse;
    }

    /// <summary>
    /// Confines this DuckDB instance to the data directory for the rest of its life: files outside it cannot be
    /// read or written, extensions cannot be loaded, memory is capped, and no statement can lift these settings
    /// (configuration is locked). Loads keep working because every source file lies inside the data directory.
    /// </summary>
    private void Sandbox()
    {
        // Each also as the loader writes it to DuckDB's readers, glob characters escaped (DuckDbPath), since
        // DuckDB checks the path as given: a directory named "exports[2025]" is read as "exports[[]2025]".
        var allowed = new[] { Options.DataRoot, Path.GetDirectoryName(Options.DatabaseFile)! }
            .Select(d => d.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)
            .SelectMany(d => new[] { d, DuckDbPath.Escaped(d) }).Distinct();
        Execute($"SET allowed_directories = {Sql.List(allowed)}");
        Execute("SET enable_external_access = false");
        Execute($"SET memory_limit = {Sql.Literal(Options.MemoryLimit)}");
        Execute("SET lock_configuration = true");
    }

    public int Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var started = Stopwatch.GetTimestamp();
        var result = command.ExecuteNonQuery();
        Trace?.Invoke(sql, Stopwatch.GetElapsedTime(started));
        return result;
    }

    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var started = Stopwatch.GetTimestamp();
        var value = command.ExecuteScalar();
        Trace?.Invoke(sql, Stopwatch.GetElapsedTime(started));
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps each row.</summary>
    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var started = Stopwatch.GetTimestamp();
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        Trace?.Invoke(sql, Stopwatch.GetElapsedTime(started));
        return rows;
    }

    /// <summary>
    /// Runs a report query, cancelling it when it outlives <paramref name="timeout"/> (DuckDB has no statement
    /// timeout; cancelling the command stops it within about a second). The result is streamed, not materialized
    /// first, so a caller that stops reading (a row limit) never makes DuckDB hold the rest.
    /// </summary>
    public List<T> QueryReport<T>(string sql, IReadOnlyList<object?> parameters, TimeSpan timeout, Func<DbDataReader, T> map)
    {
        using var command = Command(sql, [.. parameters]);
        command.UseStreamingMode = true;
        using var timer = new Timer(_ => command.Cancel(), null, timeout, Timeout.InfiniteTimeSpan);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(map(reader));
            Trace?.Invoke(sql, started.Elapsed);
            return rows;
        }
        catch (DuckDBException) when (started.Elapsed >= timeout)
        {
            throw new QueryTimeoutException(timeout);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it happens, or none.</summary>
    public void InTransaction(Action work)
    {
        using var transaction = _connection.BeginTransaction();
        work();
        transaction.Commit();
    }

    /// <summary>Only one process can open a DuckDB file for writing, so nothing else can be creating them.</summary>
    public void CreateMissing(params string[] statements)
    {
        foreach (var statement in statements) Execute(statement);
    }

    /// <summary>The staging table is renamed in place of the live one.</summary>
    public void Publish(string stage, PublishedTable table, LoadRecord record) => InTransaction(() =>
    {
        ReplaceWithStage(stage, table.Name);
        Log.Record(record);
    });

    /// <summary>Drops the live table of a source and renames its staging table in its place (inside the caller's transaction).</summary>
    public void ReplaceWithStage(string stage, string name)
    {
        Execute($"DROP TABLE IF EXISTS {Sql.Identifier(name)}");
        Execute($"ALTER TABLE {Sql.Identifier(stage)} RENAME TO {Sql.Identifier(name)}");
    }

    public void ReplaceDerived(string prefix, string name, string select, IReadOnlyList<object?> parameters) => InTransaction(() =>
    {
        var tables = Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'", r => r.GetString(0));
        foreach (var old in tables.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)))
            Execute($"DROP TABLE {Sql.Identifier(old)}");
        Execute($"CREATE TABLE {Sql.Identifier(name)} AS {select}", [.. parameters]);
    });

    public bool TableExists(string name) =>
        Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $1", name) > 0;

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }

    public void Dispose() => _connection.Dispose();
}
