using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// Makes a source's revenue rollup (<see cref="RevenueRollup"/>) for its last successful load when that rollup is
/// missing: after a load, and for a source loaded before rollups existed or whose rollup's definition changed.
/// </summary>
public static class RollupRefresh
{
    public static void Refresh(IWarehouse warehouse, SemanticModel model, SourceModel source)
    {
        if (RevenueRollup.TableName(model, source, warehouse.Dialect, LoadKey(warehouse.Log.LastLoaded(source.Name))) is not { } name
            || warehouse.TableExists(name) || !warehouse.TableExists(source.Name)) return;
        var (select, values) = RevenueRollup.Statement(model, source, warehouse.Dialect);
        warehouse.ReplaceDerived(RevenueRollup.Prefix(source), name, select, values);
    }

    /// <summary>What tells one load from another: its content hash and the instant it was recorded.</summary>
    public static string? LoadKey(LoadRecord? load) =>
        load is null ? null : $"{load.ContentHash}@{load.LoadedAt.ToUnixTimeMilliseconds()}";
}
