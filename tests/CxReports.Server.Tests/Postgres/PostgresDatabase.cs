using CxReports.Engine.Tests.Engines;
using Npgsql;

namespace CxReports.Server.Tests.Postgres;

/// <summary>A fresh database on the test PostgreSQL server for one test, dropped (with its reader role) at the end.</summary>
internal sealed class PostgresDatabase : IDisposable
{
    private readonly string _name = "cxr_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresDatabase() => Admin($"CREATE DATABASE {_name}");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.Shared.ConnectionString) { Database = _name }.ConnectionString;

    public T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static void Admin(string sql) => PostgresServer.Shared.Execute(sql);
}
