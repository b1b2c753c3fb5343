using CxReports.Dsl.Model;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// Where a source's rows go on a Citus cluster. Customer-experience data hangs off the customer: the entity with a
/// lifecycle is distributed by its key, every source linking to it by that link, so all of one customer's rows
/// (and the joins along the link) stay on one worker. Anything else (plans, monthly costs) is small and becomes a
/// reference table copied to every worker.
/// </summary>
public static class TablePlacement
{
    public static PublishedTable Of(SemanticModel model, SourceModel source)
    {
        if (source.Lifecycle is not null && source.Key is { } key) return new PublishedTable(source.Name, key.Name);
        var link = source.Links.FirstOrDefault(l =>
            l.LinkTarget is { } target && model.Sources.TryGetValue(target, out var entity) && entity.Lifecycle is not null);
        return new PublishedTable(source.Name, link?.Name);
    }
}
