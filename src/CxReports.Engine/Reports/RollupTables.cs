using CxReports.Dsl.Model;
using CxReports.Engine.Loading;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>
/// The pre-aggregates made from the data as loaded now: revenue rollups by source and their month totals by
/// <see cref="RevenueTotals.Key"/>, lifecycles' ends by <see cref="LifecycleRollup.Key"/>, score components' last values by
/// <see cref="LastValueRollup.Key"/>; a missing or older one is not read.
/// </summary>
public static class RollupTables
{
    public static IReadOnlyDictionary<string, string> Current(SemanticModel model, IWarehouse warehouse)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in model.Sources.Values.Where(RevenueRollup.Applies))
            if (RevenueRollup.TableName(model, source, warehouse.Dialect, RollupRefresh.LoadKey(warehouse, model, source)) is { } name
                && warehouse.TableExists(name))
            {
                current[source.Name] = name;
                if (RevenueTotals.TableName(source, name) is var totals && warehouse.TableExists(totals)) current[RevenueTotals.Key(source)] = totals;
            }
        foreach (var source in model.Sources.Values.Where(s => LifecycleRollup.Applies(s)))
            if (LifecycleRollup.TableName(source, RollupRefresh.LoadKey(warehouse, LifecycleRollup.SourcesRead(source))) is { } name && warehouse.TableExists(name))
                current[LifecycleRollup.Key(source)] = name;
        foreach (var score in model.Scores.Values)
            foreach (var component in score.Components)
                if (LastValueRollup.TableName(model, score, component, warehouse.Dialect, RollupRefresh.LoadKey(warehouse, [component.Value.Source])) is { } name
                    && warehouse.TableExists(name))
                    current[LastValueRollup.Key(score, component)] = name;
        return current;
    }
}
