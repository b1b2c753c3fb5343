using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// Makes the pre-aggregates of the data as loaded now when they are missing: each recurring source's revenue
/// rollup (<see cref="RevenueRollup"/>) and its month totals (<see cref="RevenueTotals"/>), each lifecycle's ends
/// (<see cref="LifecycleRollup"/>), and each score component's last values (<see cref="LastValueRollup"/>).
/// After a load (of the source or of the entities whose fields a rollup carries), and for data loaded before they
/// existed or whose definition changed.
/// </summary>
public static class RollupRefresh
{
    /// <summary>Makes every missing pre-aggregate that reads a source of <paramref name="loaded"/> (all of them when null).</summary>
    public static void Refresh(IWarehouse warehouse, SemanticModel model, IReadOnlySet<string>? loaded)
    {
        foreach (var source in model.Sources.Values.Where(RevenueRollup.Applies))
            if (loaded is null || RevenueRollup.SourcesRead(model, source).Any(loaded.Contains))
            {
                var rollup = RevenueRollup.TableName(model, source, warehouse.Dialect, LoadKey(warehouse, model, source));
                Make(warehouse, RevenueRollup.Prefix(source), rollup, RevenueRollup.SourcesRead(model, source), () => RevenueRollup.Statement(model, source, warehouse.Dialect));
                if (rollup is not null)
                    Make(warehouse, RevenueTotals.Prefix(source), RevenueTotals.TableName(source, rollup), [rollup], () => (RevenueTotals.Statement(rollup), []));
            }
        foreach (var source in model.Sources.Values.Where(s => LifecycleRollup.Applies(s)))
            if (loaded is null || LifecycleRollup.SourcesRead(source).Any(loaded.Contains))
                Make(warehouse, LifecycleRollup.Prefix(source), LifecycleRollup.TableName(source, LoadKey(warehouse, LifecycleRollup.SourcesRead(source))),
                    LifecycleRollup.SourcesRead(source), () => (LifecycleRollup.Statement(source), []));
        foreach (var score in model.Scores.Values)
            foreach (var component in score.Components.Where(c => LastValueRollup.Applies(model, c)))
                if (loaded is null || loaded.Contains(component.Value.Source))
                    Make(warehouse, LastValueRollup.Prefix(score, component),
                        LastValueRollup.TableName(model, score, component, warehouse.Dialect, LoadKey(warehouse, [component.Value.Source])),
                        [component.Value.Source], () => LastValueRollup.Statement(model, score, component, warehouse.Dialect));
    }

    private static void Make(IWarehouse warehouse, string prefix, string? name, IReadOnlyList<string> sources, Func<(string Sql, IReadOnlyList<object?> Values)> statement)
    {
        if (name is null || warehouse.TableExists(name) || !sources.All(warehouse.TableExists)) return;
        var (select, values) = statement();
        warehouse.ReplaceDerived(prefix, name, select, values);
    }

    /// <summary>The loads a revenue rollup of <paramref name="source"/> is made from (<see cref="LoadKey(IWarehouse, IReadOnlyList{string})"/>).</summary>
    public static string? LoadKey(IWarehouse warehouse, SemanticModel model, SourceModel source) =>
        RevenueRollup.Applies(source) ? LoadKey(warehouse, RevenueRollup.SourcesRead(model, source)) : null;

    /// <summary>
    /// What tells the loads of <paramref name="sources"/> from others: each one's content hash and the instant its
    /// load was recorded; null while one of them was never loaded.
    /// </summary>
    public static string? LoadKey(IWarehouse warehouse, IReadOnlyList<string> sources)
    {
        var loads = sources.Select(warehouse.Log.LastLoaded).ToArray();
        return loads.Any(l => l is null) ? null : string.Join(" ", loads.Select(l => $"{l!.ContentHash}@{l.LoadedAt.ToUnixTimeMilliseconds()}"));
    }
}
