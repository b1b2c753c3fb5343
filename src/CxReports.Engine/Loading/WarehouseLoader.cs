using CxReports.Dsl.Model;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// Loads every source of a model, link targets before the sources that link to them (so required links are
/// checked against fresh keys), and makes the rollups of the data loaded (<see cref="RollupRefresh"/>). A source
/// that fails does not stop the others.
/// </summary>
public sealed class WarehouseLoader(IWarehouse warehouse, TimeProvider time)
{
    /// <summary>
    /// Loads the sources of <paramref name="model"/> (only those named in <paramref name="only"/>, when given);
    /// <paramref name="allowShrink"/> lets this load drop more rows than <see cref="ShrinkGuard"/> allows.
    /// </summary>
    public IEnumerable<LoadOutcome> LoadAll(SemanticModel model, bool force, Action<SourceModel>? starting = null, IReadOnlySet<string>? only = null,
        bool allowShrink = false)
    {
        var loader = new SourceLoader(warehouse, model, time);
        var keys = new Dictionary<string, SemanticKey>();
        foreach (var source in InDependencyOrder(model))
        {
            if (only is null || only.Contains(source.Name))
            {
                starting?.Invoke(source);
                yield return loader.Load(source, force, keys, allowShrink);
            }
            // Loaded now or before: later sources' required links are checked against its keys.
            if (source.Key is { } key && warehouse.Staging.TableExists(source.Name))
                keys[source.Name] = new SemanticKey(source.Name, key.Name);
        }
        // After every source: a rollup reads its entities' fields too, and they load before it.
        RollupRefresh.Refresh(warehouse, model, only);
    }

    /// <summary>Sources ordered so that each comes after the sources its links point to (cycles keep written order).</summary>
    public static IReadOnlyList<SourceModel> InDependencyOrder(SemanticModel model)
    {
        var ordered = new List<SourceModel>();
        var visiting = new HashSet<string>();
        void Visit(SourceModel source)
        {
            if (ordered.Contains(source) || !visiting.Add(source.Name)) return;
            foreach (var target in source.Links.Select(l => l.LinkTarget).OfType<string>())
                if (model.Sources.TryGetValue(target, out var t)) Visit(t);
            ordered.Add(source);
        }
        foreach (var source in model.Sources.Values.OrderBy(s => s.Span.File, StringComparer.Ordinal).ThenBy(s => s.Span.Offset))
            Visit(source);
        return ordered;
    }
}
