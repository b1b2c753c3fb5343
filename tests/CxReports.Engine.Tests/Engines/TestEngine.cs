using CxReports.Engine.Dialects;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Engines;

/// <summary>
/// The warehouse engines the metric and report tests run on: each test class has one subclass per engine, so every
/// case runs on both and must give the same, hand-worked numbers.
/// </summary>
public abstract class TestEngine
{
    public static TestEngine DuckDb { get; } = new DuckDbEngine();
    public static TestEngine Postgres { get; } = new PostgresEngine();

    /// <summary>A new, empty warehouse over the data directory.</summary>
    public abstract IWarehouse Open(string dataDirectory);

    /// <summary>Closes the warehouse and removes what it left in the engine.</summary>
    public abstract void Release(IWarehouse warehouse);

    private sealed class DuckDbEngine : TestEngine
    {
        public override IWarehouse Open(string dataDirectory) => DuckDbWarehouse.Open(new WarehouseOptions(dataDirectory, MemoryLimit: "1GB"));

        public override void Release(IWarehouse warehouse) => warehouse.Dispose();

        public override string ToString() => "duckdb";
    }

    /// <summary>Each warehouse is a schema of its own (and its reader role) in the shared test server.</summary>
    private sealed class PostgresEngine : TestEngine
    {
        public override IWarehouse Open(string dataDirectory) => PostgresWarehouse.Open(new WarehouseOptions(dataDirectory, MemoryLimit: "512MB")
        {
            Provider = WarehouseProvider.Postgres,
            ConnectionString = PostgresServer.Shared.ConnectionString,
            Schema = "t" + Guid.NewGuid().ToString("N")[..16],
        });

        public override void Release(IWarehouse warehouse)
        {
            var postgres = (PostgresWarehouse)warehouse;
            warehouse.Dispose();
            PostgresServer.Shared.Execute(
                $"DROP SCHEMA IF EXISTS {Sql.Identifier(postgres.Options.Schema)} CASCADE; DROP ROLE IF EXISTS {Sql.Identifier(postgres.ReaderRole)}");
        }

        public override string ToString() => "postgres";
    }
}
