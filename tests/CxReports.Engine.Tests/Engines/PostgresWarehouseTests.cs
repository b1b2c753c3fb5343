using CxReports.Engine.Execution;
using CxReports.Engine.Loading;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Tests.Loading;
using CxReports.Engine.Warehouse;
using Npgsql;

namespace CxReports.Engine.Tests.Engines;

/// <summary>
/// What only the PostgreSQL warehouse does: copying checked rows in through COPY without changing a value, swapping
/// them in atomically, and running report queries read-only, as a role that sees nothing but the source tables,
/// within a statement timeout. (Every metric and report case runs on it too: the <c>...OnPostgres</c> classes.)
/// </summary>
public sealed class PostgresWarehouseTests : IDisposable
{
    private readonly TempDataDirectory _data = new(TestEngine.Postgres);

    public void Dispose() => _data.Dispose();

    private PostgresWarehouse Postgres => (PostgresWarehouse)_data.Warehouse;

    private const string Model = """
        source customers from "customers.csv" {
          key id
          column plan
          column note
          column seats: integer
          column arr: decimal
          column trial: boolean
          time signup: date
          column seen: timestamp
          lifecycle signup
        }
        source responses from "responses.csv" {
          key id: integer
          link customer = customer_id -> customers required
          column score: integer
        }
        """;

    // Quotes, commas, a line break, an empty text ("" is not blank here: it is a quoted empty cell, read as blank by
    // the loader like any blank), a text that reads like COPY's null marker, non-ASCII, a decimal with many digits.
    private const string Customers = """
        id,plan,note,seats,arr,trial,signup,seen
        c1,pro,"said ""great"", twice",12,1234.5678901234,true,2024-01-31,2025-03-30T23:30:00+03:00
        c2,basic,"two
        lines",,0.1,false,2024-02-29,2025-03-31T01:00:00Z
        c3,başlangıç,\N,3,,,2024-03-01,
        """;

    private const string Responses = "id,customer_id,score\n1,c1,10\n2,c2,6\n3,c1,9\n";

    [Fact]
    public void Every_value_arrives_in_postgres_as_the_loader_converted_it()
    {
        _data.Write("customers.csv", Customers);
        _data.Write("responses.csv", Responses);
        Assert.All(_data.LoadAll(Model), o => Assert.Equal(LoadStatus.Loaded, o.Status));

        Assert.Equal([
            "c1|pro|said \"great\", twice|12|1234.5678901234|true|2024-01-31|2025-03-30 20:30:00",
            "c2|basic|two\nlines|null|0.1|false|2024-02-29|2025-03-31 01:00:00",
            @"c3|başlangıç|\N|3|null|null|2024-03-01|null",
        ], _data.Rows("SELECT id, plan, note, seats, arr, trial, signup, seen FROM customers ORDER BY id"));
        Assert.Equal(["1|c1|10", "2|c2|6", "3|c1|9"], _data.Rows("SELECT * FROM responses ORDER BY id"));
        Assert.Equal(["seats|bigint", "arr|double precision", "trial|boolean", "signup|date", "seen|timestamp with time zone", "note|text"],
            _data.Rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'customers' " +
                       "AND column_name IN ('seats', 'arr', 'trial', 'signup', 'seen', 'note') ORDER BY array_position(ARRAY['seats', 'arr', 'trial', 'signup', 'seen', 'note'], column_name::text)"));
    }

    [Fact]
    public void A_failed_reload_keeps_the_previous_rows_in_postgres_and_logs_the_failure_there()
    {
        _data.Write("customers.csv", Customers);
        _data.Write("responses.csv", Responses);
        Assert.All(_data.LoadAll(Model), o => Assert.Equal(LoadStatus.Loaded, o.Status));

        _data.Write("responses.csv", "id,customer_id,score\n1,c1,10\n4,c9,7\n");
        var outcome = _data.LoadAll(Model).Single(o => o.Source == "responses");

        Assert.Equal(LoadStatus.Failed, outcome.Status);
        Assert.Contains("c9", outcome.Diagnostics[0].Headline);
        Assert.Equal(["1|c1|10", "2|c2|6", "3|c1|9"], _data.Rows("SELECT * FROM responses ORDER BY id"));
        Assert.Equal(["ok", "failed"], _data.Rows($"SELECT status FROM {LoadLog.Table} WHERE source = 'responses' ORDER BY loaded_at"));
        Assert.Equal(0, Postgres.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE '\\_cxr\\_stage%'"));
    }

    [Fact]
    public void Unchanged_files_are_not_copied_again()
    {
        _data.Write("customers.csv", Customers);
        _data.Write("responses.csv", Responses);
        _data.LoadAll(Model);

        Assert.All(_data.LoadAll(Model), o => Assert.Equal(LoadStatus.Unchanged, o.Status));
        Assert.Equal(["customers|ok|3", "responses|ok|3"], _data.Rows($"SELECT source, status, rows FROM {LoadLog.Table} ORDER BY source, loaded_at"));
    }

    [Fact]
    public void A_report_query_reads_the_source_tables_and_nothing_else()
    {
        _data.Write("customers.csv", Customers);
        _data.Write("responses.csv", Responses);
        _data.LoadAll(Model);
        PostgresServer.Shared.Execute("CREATE TABLE IF NOT EXISTS public.outside_secret (v text)");
        Assert.Equal("login", Postgres.ReaderIsolation);

        Assert.Equal([3L], Report("SELECT count(*) FROM responses"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Refused("SELECT count(*) FROM public.outside_secret"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Refused($"SELECT count(*) FROM {LoadLog.Table}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Refused("SELECT count(*) FROM pg_read_file('/etc/hostname')"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Refused("SELECT count(*) FROM (SELECT set_config('role', 'postgres', true)) x"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, Refused("CREATE TABLE sneaky (v int)"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, Refused("DELETE FROM responses"));
        Assert.Equal([3L], Report("SELECT count(*) FROM responses")); // nothing was deleted
    }

    [Fact]
    public void A_report_query_that_outlives_its_timeout_is_stopped_by_postgres()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<QueryTimeoutException>(() =>
            Postgres.QueryReport("SELECT pg_sleep(30)", [], TimeSpan.FromMilliseconds(300), r => r.GetValue(0)));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {started.Elapsed}");
        Assert.Equal(1, Postgres.Scalar<int>("SELECT 1")); // the connection is usable afterwards
    }

    [Fact]
    public void The_run_log_keeps_deliveries_in_the_order_they_were_recorded()
    {
        var log = new RunLog(Postgres).EnsureCreated();
        var slot = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        log.StartRun(new RunRecord("run1", "r", slot, "schedule", slot, null, RunStatus.Running, null));
        // Same instant and attempt numbers that do not follow the order: only insertion order tells the last state.
        foreach (var (attempt, status) in new[] { (1, "sending"), (1, "failed"), (2, "sending"), (0, "in_doubt") })
            log.RecordDelivery(new DeliveryRecord("run1", "r", slot, "email", "a@example.com", attempt, StatusText.Parse<DeliveryStatus>(status), null, slot, "key1"));

        Assert.Equal("in_doubt", log.DeliveryState("key1")?.ToText());
        Assert.Equal(["sending", "failed", "sending", "in_doubt"], log.DeliveriesOf("run1").Select(d => d.Status.ToText()));
        Assert.Equal(slot, log.LastScheduledSlot("r"));
    }

    [Fact]
    public void A_configured_reader_connection_runs_the_report_queries_as_its_own_login()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE ROLE {schema}_reader NOLOGIN; CREATE ROLE {schema}_login LOGIN PASSWORD 'reader-secret' IN ROLE {schema}_reader");
        var reader = new NpgsqlConnectionStringBuilder(PostgresServer.Shared.ConnectionString) { Username = $"{schema}_login", Password = "reader-secret" };
        var data = Directory.CreateTempSubdirectory("cxr-pg-reader-");
        try
        {
            using var warehouse = PostgresWarehouse.Open(new WarehouseOptions(data.FullName)
            {
                Provider = WarehouseProvider.Postgres, ConnectionString = PostgresServer.Shared.ConnectionString,
                ReaderConnectionString = reader.ConnectionString, Schema = schema,
            });
            warehouse.Execute("CREATE TABLE answers (v int); INSERT INTO answers VALUES (1), (2)");
            warehouse.Execute($"GRANT SELECT ON answers TO {schema}_reader");

            Assert.Equal("login", warehouse.ReaderIsolation);
            Assert.Equal([$"{schema}_login"], warehouse.QueryReport("SELECT current_user", [], TimeSpan.FromSeconds(10), r => r.GetString(0)));
            Assert.Equal([2L], warehouse.QueryReport("SELECT count(*) FROM answers", [], TimeSpan.FromSeconds(10), r => r.GetInt64(0)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.Throws<PostgresException>(() =>
                warehouse.QueryReport($"SELECT count(*) FROM {LoadLog.Table}", [], TimeSpan.FromSeconds(10), r => r.GetInt64(0))).SqlState);
        }
        finally
        {
            Admin($"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP ROLE IF EXISTS {schema}_login; DROP ROLE IF EXISTS {schema}_reader");
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void When_the_reader_role_cannot_log_in_report_queries_fall_back_to_set_role_and_stay_read_only()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE ROLE {schema}_reader NOLOGIN CONNECTION LIMIT 0"); // as a server whose rules refuse the login would
        var data = Directory.CreateTempSubdirectory("cxr-pg-setrole-");
        try
        {
            using var warehouse = PostgresWarehouse.Open(new WarehouseOptions(data.FullName)
            {
                Provider = WarehouseProvider.Postgres, ConnectionString = PostgresServer.Shared.ConnectionString, Schema = schema,
            });
            warehouse.Execute("CREATE TABLE answers (v int); INSERT INTO answers VALUES (1)");
            warehouse.Execute($"GRANT SELECT ON answers TO {schema}_reader");

            Assert.StartsWith("set role", warehouse.ReaderIsolation);
            Assert.Equal([$"{schema}_reader"], warehouse.QueryReport("SELECT current_user", [], TimeSpan.FromSeconds(10), r => r.GetString(0)));
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, Assert.Throws<PostgresException>(() =>
                warehouse.QueryReport("DELETE FROM answers", [], TimeSpan.FromSeconds(10), r => 0)).SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.Throws<PostgresException>(() =>
                warehouse.QueryReport($"SELECT count(*) FROM {LoadLog.Table}", [], TimeSpan.FromSeconds(10), r => r.GetInt64(0))).SqlState);
            Assert.Equal(1L, warehouse.Scalar<long>("SELECT count(*) FROM answers")); // the owner's connection is itself again
        }
        finally
        {
            Admin($"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP ROLE IF EXISTS {schema}_reader");
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void Warehouses_opening_at_once_on_databases_of_one_server_all_log_their_report_queries_in()
    {
        // The reader role belongs to the whole server, so servers and cxr commands of several databases (or of one)
        // create it, grant it and set its password at the same time, and those of one database create the same
        // schema and log tables: none of that may fail an open or leave a warehouse on the weaker SET ROLE.
        var schema = "t" + Guid.NewGuid().ToString("N")[..16];
        var databases = new[] { schema + "_a", schema + "_b" };
        foreach (var database in databases) Admin($"CREATE DATABASE {database}");
        var directories = Enumerable.Range(0, 8).Select(_ => Directory.CreateTempSubdirectory("cxr-pg-race-")).ToArray();
        try
        {
            var isolations = directories.AsParallel().WithDegreeOfParallelism(8).Select((data, i) =>
            {
                var connection = new NpgsqlConnectionStringBuilder(PostgresServer.Shared.ConnectionString) { Database = databases[i % 2] };
                using var warehouse = PostgresWarehouse.Open(new WarehouseOptions(data.FullName)
                {
                    Provider = WarehouseProvider.Postgres, ConnectionString = connection.ConnectionString, Schema = schema,
                });
                new RunLog(warehouse).EnsureCreated();
                var user = warehouse.QueryReport("SELECT current_user", [], TimeSpan.FromSeconds(10), r => r.GetString(0)).Single();
                return $"{warehouse.ReaderIsolation} as {user}";
            }).ToArray();

            Assert.True(isolations.All(i => i == $"login as {schema}_reader"), string.Join("\n", isolations));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in databases) Admin($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Admin($"DROP ROLE IF EXISTS {schema}_reader");
            foreach (var data in directories) data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_log_table_two_openers_create_at_once_is_created_once_and_neither_fails()
    {
        // The first creator holds its creation uncommitted until the second is seen waiting: without one creator at a
        // time, PostgreSQL's CREATE TABLE IF NOT EXISTS waits on the first's catalogue row and then fails.
        var table = "_cxr_race_" + Guid.NewGuid().ToString("N")[..12];
        var create = $"CREATE TABLE IF NOT EXISTS {table} (v int)";
        var data = Directory.CreateTempSubdirectory("cxr-pg-create-");
        try
        {
            using var second = PostgresWarehouse.Open(Postgres.Options with { DataDirectory = data.FullName });
            Task? secondCreates = null;
            Postgres.InTransaction(() =>
            {
                Postgres.CreateMissing(create);
                secondCreates = Task.Run(() => second.CreateMissing(create));
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (!secondCreates.IsCompleted && WaitingOnLocks() == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
            });
            await secondCreates!.WaitAsync(TimeSpan.FromSeconds(30)); // throws what the second creation failed with

            Assert.True(second.TableExists(table));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static long WaitingOnLocks()
    {
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static void Admin(string sql) => PostgresServer.Shared.Execute(sql);

    private List<long> Report(string sql) => Postgres.QueryReport(sql, [], TimeSpan.FromSeconds(10), r => r.GetInt64(0));

    private string? Refused(string sql) =>
        Assert.IsType<PostgresException>(Record.Exception(() => Report(sql)), exactMatch: false).SqlState;
}
