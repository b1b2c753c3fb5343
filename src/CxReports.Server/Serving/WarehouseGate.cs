using CxReports.Engine.Warehouse;

namespace CxReports.Server.Serving;

/// <summary>
/// The one warehouse of the server, used by one caller at a time. <see cref="DuckDbWarehouse"/> wraps a single
/// DuckDB connection, which is not safe for concurrent use, and its sandbox locks the instance's configuration, so
/// a second connection cannot be opened alongside it; DuckDB already spreads one statement over every core. The
/// PostgreSQL warehouse keeps the same one connection (PostgreSQL parallelises a statement over its workers). Work
/// runs on the thread pool so request threads never block on DuckDB.
/// </summary>
public sealed class WarehouseGate : IWarehouseAccess, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private IWarehouse? _warehouse;

    public bool IsOpen => _warehouse is not null;

    public void Open(WarehouseOptions options) => _warehouse ??= Warehouses.Open(options);

    /// <summary>Where the data is (for the log).</summary>
    public string Description => _warehouse?.Description ?? "not open";

    /// <summary>The SQL of the open warehouse (planning needs it before taking a turn).</summary>
    public Engine.Dialects.ISqlDialect Dialect => (_warehouse ?? throw new InvalidOperationException("the warehouse is not open yet")).Dialect;

    public async Task<T> Run<T>(Func<IWarehouse, T> work, CancellationToken cancellation = default)
    {
        var warehouse = _warehouse ?? throw new InvalidOperationException("the warehouse is not open yet");
        await _turn.WaitAsync(cancellation);
        try
        {
            return await Task.Run(() => work(warehouse), CancellationToken.None);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The same turn-taking for synchronous callers on background threads (the scheduler's run log).</summary>
    public T Use<T>(Func<IWarehouse, T> work)
    {
        var warehouse = _warehouse ?? throw new InvalidOperationException("the warehouse is not open yet");
        _turn.Wait();
        try
        {
            return work(warehouse);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        _warehouse?.Dispose();
        _turn.Dispose();
    }
}
