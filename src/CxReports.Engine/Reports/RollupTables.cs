using CxReports.Dsl.Model;
using CxReports.Engine.Loading;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>The revenue rollups made from the data as loaded now, by source; a missing or older one is not read.</summary>
public static class RollupTables
{
    public static IReadOnlyDictionary<string, string> Current(SemanticModel model, IWarehouse warehouse)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in model.Sources.Values.Where(RevenueRollup.Applies))
            if (RevenueRollup.TableName(model, source, warehouse.Dialect, RollupRefresh.LoadKey(warehouse, model, source)) is { } name
                && warehouse.TableExists(name))
                current[source.Name] = name;
        return current;
    }
}
