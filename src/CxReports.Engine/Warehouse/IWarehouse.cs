using System.Data.Common;
using CxReports.Engine.Dialects;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// Where the sources live and reports are queried: the embedded DuckDB file, or a PostgreSQL (Citus) database.
/// One connection, used by one caller at a time. Files are always read and checked by DuckDB (<see cref="Staging"/>);
/// a checked table is then made live here by <see cref="Publish"/>.
/// </summary>
public interface IWarehouse : IDisposable
{
    WarehouseOptions Options { get; }

    /// <summary>The SQL this warehouse speaks: everything the planner writes that differs between engines.</summary>
    ISqlDialect Dialect { get; }

    LoadLog Log { get; }

    /// <summary>Where the data is, for logs and status (never a password).</summary>
    string Description { get; }

    /// <summary>The DuckDB where source files are read, converted and checked into staging tables (this warehouse itself when it is DuckDB).</summary>
    DuckDbWarehouse Staging { get; }

    int Execute(string sql, params object?[] parameters);

    T? Scalar<T>(string sql, params object?[] parameters);

    List<T> Query<T>(string sql, Func<DbDataReader, T> map, params object?[] parameters);

    /// <summary>
    /// Runs a report query: read-only, within <paramref name="timeout"/>, seeing only the warehouse's own tables
    /// (<see cref="QueryTimeoutException"/> when it takes longer).
    /// </summary>
    List<T> QueryReport<T>(string sql, IReadOnlyList<object?> parameters, TimeSpan timeout, Func<DbDataReader, T> map);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it happens, or none.</summary>
    void InTransaction(Action work);

    /// <summary>
    /// Creates the warehouse's own objects (logs, keys) that are missing: <paramref name="statements"/> are
    /// idempotent (<c>IF NOT EXISTS</c>), and a server and a command creating them at once must not collide.
    /// </summary>
    void CreateMissing(params string[] statements);

    bool TableExists(string name);

    /// <summary>
    /// Replaces the live table of a source with the checked staging table <paramref name="stage"/> of <see cref="Staging"/>
    /// and records the load, in one transaction: readers see the old rows or the new ones, never a mix or none.
    /// </summary>
    void Publish(string stage, PublishedTable table, LoadRecord record);

    /// <summary>
    /// Makes the table <paramref name="name"/> from <paramref name="select"/> (a rollup derived from the sources),
    /// readable by report queries, and drops every other table whose name starts with <paramref name="prefix"/>
    /// (the rollups it replaces), in one transaction.
    /// </summary>
    void ReplaceDerived(string prefix, string name, string select, IReadOnlyList<object?> parameters);
}

/// <summary>
/// A source table as published: its name, and the column that places its rows on a Citus worker: an entity's
/// key, or the link to one (so joins along links stay on one worker); none for a small table every worker copies.
/// </summary>
public sealed record PublishedTable(string Name, string? DistributeBy);
