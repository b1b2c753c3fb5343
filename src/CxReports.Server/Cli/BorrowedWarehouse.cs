using System.Data.Common;
using CxReports.Engine.Dialects;
using CxReports.Engine.Warehouse;

namespace CxReports.Server.Cli;

/// <summary>
/// The server's open warehouse lent to a forwarded command for its turn: everything passes through, except that the
/// command's <c>using</c> does not close what the server keeps using.
/// </summary>
public sealed class BorrowedWarehouse(IWarehouse lent) : IWarehouse
{
    public WarehouseOptions Options => lent.Options;
    public ISqlDialect Dialect => lent.Dialect;
    public LoadLog Log => lent.Log;
    public string Description => lent.Description;
    public DuckDbWarehouse Staging => lent.Staging;
    public int Execute(string sql, params object?[] parameters) => lent.Execute(sql, parameters);
    public T? Scalar<T>(string sql, params object?[] parameters) => lent.Scalar<T>(sql, parameters);
    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params object?[] parameters) => lent.Query(sql, map, parameters);
    public List<T> QueryReport<T>(string sql, IReadOnlyList<object?> parameters, TimeSpan timeout, Func<DbDataReader, T> map) =>
        lent.QueryReport(sql, parameters, timeout, map);
    public void InTransaction(Action work) => lent.InTransaction(work);
    public void CreateMissing(params string[] statements) => lent.CreateMissing(statements);
    public bool TableExists(string name) => lent.TableExists(name);
    public void Publish(string stage, PublishedTable table, LoadRecord record) => lent.Publish(stage, table, record);
    public void ReplaceDerived(string prefix, string name, string select, IReadOnlyList<object?> parameters) => lent.ReplaceDerived(prefix, name, select, parameters);

    public void Dispose()
    {
    }
}
