using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>
/// The last day with data of each source that has one (a time axis and a good load), as a local day in the
/// report's zone, and the one rule a report's period is clipped by (<see cref="EffectiveEnd"/>).
/// </summary>
public sealed class DataEnds(IReadOnlyDictionary<string, DateOnly> lastDays)
{
    public IReadOnlyDictionary<string, DateOnly> LastDays { get; } = lastDays;

    /// <summary>The data ends the load log records for the model's sources, each source's last local day in <paramref name="timeZone"/>.</summary>
    public static DataEnds Load(SemanticModel model, IWarehouse warehouse, TimeZoneInfo timeZone) => new(model.Sources.Keys
        .Select(s => (Source: s, Through: warehouse.Log.LastLoaded(s)?.DataThrough))
        .Where(s => s.Through is not null)
        .ToDictionary(s => s.Source, s => s.Through!.LastDay(timeZone), StringComparer.Ordinal));

    /// <summary>The earliest last day among <paramref name="sources"/>; null when none of them has a data end.</summary>
    public DateOnly? Of(IEnumerable<string> sources)
    {
        var days = sources.Where(LastDays.ContainsKey).Select(s => LastDays[s]).ToArray();
        return days.Length == 0 ? null : days.Min();
    }

    /// <summary>
    /// The day a period's figures are computed up to: its last day, or the last day with data of the sources read if
    /// that is earlier (a figure over days without data would count them as days without churn, tickets or use).
    /// May lie before the period's first day: then the period has no data at all.
    /// </summary>
    public DateOnly EffectiveEnd(ResolvedPeriod period, IEnumerable<string> sources) =>
        Of(sources) is { } end && end < period.To ? end : period.To;

    /// <summary>The sources read, each with its last day, for the document to state.</summary>
    public IReadOnlyDictionary<string, DateOnly> For(IEnumerable<string> sources) =>
        sources.Where(LastDays.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToDictionary(s => s, s => LastDays[s], StringComparer.Ordinal);
}
