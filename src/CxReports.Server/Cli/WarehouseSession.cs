using CxReports.Dsl.Model;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;

namespace CxReports.Server.Cli;

/// <summary>
/// Opens the warehouse for a reading command (<c>query</c>, <c>run</c>, <c>explain</c>): the data as last loaded, plus
/// any source never loaded before, loaded now. Problems go to stderr; null when there is no data directory;
/// a warehouse that cannot be read throws <see cref="Problems.WarehouseUnusableException"/>.
/// </summary>
public static class WarehouseSession
{
    public static IWarehouse? Open(SemanticModel model, WarehouseOptions options, CommandHost host, TextWriter stderr)
    {
        var dataDirectory = options.DataDirectory;
        if (!Directory.Exists(dataDirectory))
        {
            stderr.WriteLine($"cxr: data directory '{dataDirectory}' not found (use --data DIR, or cxr demo to write the demo data)");
            return null;
        }
        IWarehouse warehouse;
        HashSet<string> neverLoaded;
        try
        {
            warehouse = host.OpenWarehouse(options);
            neverLoaded = model.Sources.Values.Where(s => !warehouse.TableExists(s.Name)).Select(s => s.Name).ToHashSet();
        }
        catch (System.Data.Common.DbException e)
        {
            throw Problems.WarehouseFailure.Unusable(e, options);
        }
        if (neverLoaded.Count == 0) return warehouse;

        foreach (var outcome in new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(model, force: false, only: neverLoaded))
        {
            stderr.WriteLine($"loaded {outcome.Source}: {outcome.Status.ToString().ToLowerInvariant()}, {outcome.Rows:N0} rows");
            foreach (var diagnostic in outcome.Diagnostics) stderr.WriteLine(diagnostic.Headline);
        }
        return warehouse;
    }
}
