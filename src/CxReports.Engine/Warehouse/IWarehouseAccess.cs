namespace CxReports.Engine.Warehouse;

/// <summary>
/// A way to use the warehouse: directly on the command line, or taking turns in the server, where one DuckDB
/// connection serves every request and the scheduler.
/// </summary>
public interface IWarehouseAccess
{
    T Use<T>(Func<IWarehouse, T> work);
}

/// <summary>Direct use by a single caller (the command line, tests).</summary>
public sealed class DirectWarehouseAccess(IWarehouse warehouse) : IWarehouseAccess
{
    public T Use<T>(Func<IWarehouse, T> work) => work(warehouse);
}
