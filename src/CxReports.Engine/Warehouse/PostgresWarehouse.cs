using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CxReports.Engine.Dialects;
using Npgsql;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// The warehouse on PostgreSQL (and so on a Citus cluster): every source table and log in one schema. Report
/// queries run on a second connection, logged in as a role that may only read that schema's source tables, in
/// read-only transactions with a statement timeout. Files are read and checked by a local DuckDB
/// (<see cref="Staging"/>) and copied in with <c>COPY ... FROM STDIN</c>, into a staging table swapped in by one
/// transaction.
/// </summary>
public sealed class PostgresWarehouse : IWarehouse
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresCopy _copy;
    private readonly PostgresReaderRole _readerRole;
    private NpgsqlConnection? _reader;
    private NpgsqlTransaction? _transaction;
    private DuckDbWarehouse? _staging;

    public WarehouseOptions Options { get; }
    public LoadLog Log { get; }
    public ISqlDialect Dialect => PostgresDialect.Instance;

    /// <summary>Opened on first use (loading), so commands that only read or write keys never lock its file.</summary>
    public DuckDbWarehouse Staging => _staging ??= OpenStaging();

    private DuckDbWarehouse OpenStaging()
    {
        try
        {
            return DuckDbWarehouse.Open(Options with { DatabasePath = Options.StagingFile });
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            // DuckDB lets one process write a file: the server holds it once it has loaded (and loads changes itself).
            throw new WarehouseException($"the staging file {Options.StagingFile} is in use ({e.Message.Split('\n')[0]}); " +
                                         "is cxr serve running on this data directory? It loads changed files itself", e);
        }
    }

    /// <summary>The role report queries run as: usage of the schema and SELECT on its source tables, nothing else.</summary>
    public string ReaderRole => _readerRole.Name;

    /// <summary>
    /// How report queries are confined: <c>login</c> (their own connection as <see cref="ReaderRole"/>), or, when
    /// that role cannot log in here, <c>set role</c> on the owner's connection, with the reason. SET ROLE keeps
    /// the planner's SQL from writing or reading elsewhere, but is no wall against arbitrary SQL (which could set
    /// the role back); the planner only ever writes bound parameters and catalogue functions.
    /// </summary>
    public string ReaderIsolation { get; private set; } = "login";

    public string Description
    {
        get
        {
            var where = new NpgsqlConnectionStringBuilder(Options.ConnectionString);
            return $"PostgreSQL schema {Options.Schema} of database {where.Database} on {where.Host}:{where.Port}" +
                   $"{(HasCitus ? " (Citus: tables distributed)" : "")}; report queries: {ReaderIsolation}";
        }
    }

    /// <summary>Whether the server has the <c>citus</c> extension, so source tables are distributed.</summary>
    public bool HasCitus { get; private set; }

    private PostgresWarehouse(WarehouseOptions options, NpgsqlConnection connection)
    {
        Options = options;
        _connection = connection;
        _readerRole = new PostgresReaderRole(options.ConnectionString!, options.Schema + "_reader");
        Log = new LoadLog(this);
        _copy = new PostgresCopy(this, connection);
    }

    public static PostgresWarehouse Open(WarehouseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new WarehouseException("the postgres warehouse needs a connection string (Warehouse:ConnectionString, or --connection)");
        var connection = new NpgsqlConnection(options.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            connection.Dispose();
            throw new WarehouseException($"cannot connect to PostgreSQL: {e.Message}");
        }

        var warehouse = new PostgresWarehouse(options, connection);
        try
        {
            warehouse.Prepare();
            return warehouse;
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }
    }

    /// <summary>The schema, the reader role and the logs, created when missing; the session set to UTC and the schema.</summary>
    private void Prepare()
    {
        var schema = Sql.Identifier(Options.Schema);
        Execute("SET TimeZone = 'UTC'");
        HasCitus = Scalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')");
        CreateMissing($"CREATE SCHEMA IF NOT EXISTS {schema}");
        Execute($"SET search_path = {schema}");
        _readerRole.Prepare(Options.Schema);
        Log.EnsureCreated();
        _reader = OpenReader();
    }

    /// <summary>
    /// The report queries' own connection: the configured reader connection string, or the reader role's own login.
    /// Null, falling back to SET ROLE, when the server's authentication rules do not let the role in.
    /// </summary>
    private NpgsqlConnection? OpenReader()
    {
        void Configure(NpgsqlConnectionStringBuilder builder)
        {
            builder.SearchPath = Options.Schema;
            builder.Timezone = "UTC";
        }

        if (Options.ReaderConnectionString is { Length: > 0 } configured)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            Configure(builder);
            var reader = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                reader.Open();
                return reader;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                reader.Dispose();
                throw new WarehouseException($"the reader connection (Warehouse:ReaderConnectionString) cannot connect: {e.Message}");
            }
        }
        try
        {
            return _readerRole.LogIn(Configure);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            ReaderIsolation = $"set role (the role {ReaderRole} cannot log in here: {e.Message.Split('\n')[0]})";
            return null;
        }
    }

    public int Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params object?[] parameters) =>
        Query(_connection, sql, map, parameters);

    private List<T> Query<T>(NpgsqlConnection connection, string sql, Func<DbDataReader, T> map, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>
    /// In a read-only transaction, as the reader role, with <c>statement_timeout</c>: the query can neither write
    /// nor read outside the schema's source tables, and PostgreSQL itself stops it when time is up.
    /// </summary>
    public List<T> QueryReport<T>(string sql, IReadOnlyList<object?> parameters, TimeSpan timeout, Func<DbDataReader, T> map)
    {
        var connection = _reader ?? _connection;
        using var transaction = connection.BeginTransaction();
        _transaction = transaction;
        try
        {
            var milliseconds = Math.Max(1, (long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var role = _reader is null ? $"; SET LOCAL ROLE {Sql.Identifier(ReaderRole)}" : "";
            using (var setup = Command(connection, $"SET TRANSACTION READ ONLY{role}; SET LOCAL statement_timeout = {milliseconds}", []))
                setup.ExecuteNonQuery();
            return Query(connection, sql, map, [.. parameters]);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            throw new QueryTimeoutException(timeout);
        }
        finally
        {
            _transaction = null;
            transaction.Rollback();
        }
    }

    public void InTransaction(Action work)
    {
        if (_transaction is not null)
        {
            work();
            return;
        }
        using var transaction = _connection.BeginTransaction();
        _transaction = transaction;
        try
        {
            work();
            transaction.Commit();
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// One creator at a time per database, under a transaction-scoped advisory lock: PostgreSQL's
    /// <c>CREATE ... IF NOT EXISTS</c> is not safe against a concurrent creation of the same object (the second
    /// fails with a unique violation on the catalogue) until the first has committed.
    /// </summary>
    public void CreateMissing(params string[] statements) => InTransaction(() =>
    {
        Execute("SELECT pg_advisory_xact_lock(hashtext('cxreports: create missing objects'))");
        foreach (var statement in statements) Execute(statement);
    });

    public void ReplaceDerived(string prefix, string name, string select, IReadOnlyList<object?> parameters) => InTransaction(() =>
    {
        var tables = Query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", r => r.GetString(0), Options.Schema);
        foreach (var old in tables.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)))
            Execute($"DROP TABLE {Sql.Identifier(old)}");
        Execute($"CREATE TABLE {Sql.Identifier(name)} AS {select}", [.. parameters]);
        Execute($"ANALYZE {Sql.Identifier(name)}");
        Execute($"GRANT SELECT ON {Sql.Identifier(name)} TO {Sql.Identifier(ReaderRole)}");
    });

    public bool TableExists(string name) =>
        Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2", Options.Schema, name) > 0;

    /// <summary>
    /// Copies the checked staging table into a new PostgreSQL table (distributed first on Citus, so COPY routes rows
    /// straight to their workers), then in the same transaction drops the live table, renames the new one in its
    /// place, lets the reader role read it and records the load. The staging DuckDB keeps its copy for link checks.
    /// </summary>
    public void Publish(string stage, PublishedTable table, LoadRecord record)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            InTransaction(() =>
            {
                _copy.CopyIn(stage, table);
                // Statistics now, not whenever autovacuum gets to it: the first reports after a load are planned with them.
                Execute($"ANALYZE {Sql.Identifier(stage)}");
                Execute($"DROP TABLE IF EXISTS {Sql.Identifier(table.Name)}");
                Execute($"ALTER TABLE {Sql.Identifier(stage)} RENAME TO {Sql.Identifier(table.Name)}");
                Execute($"GRANT SELECT ON {Sql.Identifier(table.Name)} TO {Sql.Identifier(ReaderRole)}");
                Log.Record(record with { DurationMs = record.DurationMs + watch.ElapsedMilliseconds });
            });
        }
        catch
        {
            Staging.Execute($"DROP TABLE IF EXISTS {Sql.Identifier(stage)}");
            throw;
        }
        Staging.InTransaction(() => Staging.ReplaceWithStage(stage, table.Name));
    }

    private NpgsqlCommand Command(string sql, object?[] parameters) => Command(_connection, sql, parameters);

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, object?[] parameters)
    {
        // No client-side limit (Npgsql's default is 30 s): loads take as long as they take, and report queries are
        // stopped by the server's statement_timeout, which also cancels the work there.
        var command = new NpgsqlCommand(sql, connection, _transaction) { CommandTimeout = 0 };
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        return command;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _connection.Dispose();
        _staging?.Dispose();
    }
}
