using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// Makes a source's revenue rollup (<see cref="RevenueRollup"/>) for its last successful load when that rollup is
/// missing: after a load (of the source or of the entities whose fields it carries), and for a source loaded before
/// rollups existed or whose rollup's definition changed.
/// </summary>
public static class RollupRefresh
{
    public static void Refresh(IWarehouse warehouse, SemanticModel model, SourceModel source)
    {
        if (RevenueRollup.TableName(model, source, warehouse.Dialect, LoadKey(warehouse, model, source)) is not { } name
            || warehouse.TableExists(name) || !RevenueRollup.SourcesRead(model, source).All(warehouse.TableExists)) return;
        var (select, values) = RevenueRollup.Statement(model, source, warehouse.Dialect);
        warehouse.ReplaceDerived(RevenueRollup.Prefix(source), name, select, values);
    }

    /// <summary>
    /// What tells the loads a rollup is made from from others: each source's content hash and the instant its load
    /// was recorded; null while one of them was never loaded.
    /// </summary>
    public static string? LoadKey(IWarehouse warehouse, SemanticModel model, SourceModel source)
    {
        if (!RevenueRollup.Applies(source)) return null;
        var loads = RevenueRollup.SourcesRead(model, source).Select(warehouse.Log.LastLoaded).ToArray();
        return loads.Any(l => l is null) ? null : string.Join(" ", loads.Select(l => $"{l!.ContentHash}@{l.LoadedAt.ToUnixTimeMilliseconds()}"));
    }
}
