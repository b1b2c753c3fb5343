using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>
/// A query typed by a user (<c>cxr query</c>, <c>cxr explain</c>, <c>/api/query</c>) run as a report block would be:
/// over the period asked for (by default the 12 whole months before the current one), planned in the zone and locale
/// asked for (by default the model block's, as a report without its own), executed within the limits, and its buckets
/// after the data end of a metric's sources unknown. One place, so the command line and the HTTP API cannot drift apart.
/// </summary>
public static class AdHocQuery
{
    /// <summary>The period of a query without dates of its own: the 12 whole months before the current one.</summary>
    private static readonly PeriodModel DefaultPeriod = new RelativePeriodModel(PeriodAnchor.Previous, 12, TimeUnit.Month);

    /// <summary>The period asked for, each bound left out taken from the default; one that ends before it starts is refused, naming <c>from</c>.</summary>
    public static ResolvedPeriod Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var written = ResolvedPeriod.Resolve(DefaultPeriod, today);
        var period = ResolvedPeriod.Of(from ?? written.From, to ?? written.To, today);
        if (period.From > period.To)
            throw new ReportArgumentException("from", $"the period ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd})");
        return period;
    }

    /// <summary>
    /// The statement that computes the query (what <c>cxr explain</c> prints); touches no data. A null
    /// <paramref name="timeZone"/> or <paramref name="locale"/> is the model's (<see cref="SemanticModel.Settings"/>).
    /// </summary>
    public static PlannedQuery Plan(SemanticModel model, ISqlDialect dialect, BoundQuery query, ResolvedPeriod period, string? timeZone, string? locale,
        int maxBuckets = int.MaxValue)
    {
        var context = new PlanContext(model, dialect, period, timeZone ?? model.Settings.TimeZone.Id, new Dictionary<string, object?>(), [])
        {
            MaxBuckets = maxBuckets,
            Locale = locale ?? model.Settings.Locale.Name,
        };
        return new QueryPlanner(context).Plan(query);
    }

    /// <summary>The query's table; a null <paramref name="timeZone"/> or <paramref name="locale"/> is the model's, as in <see cref="Plan"/>.</summary>
    public static ResultTable Run(SemanticModel model, IWarehouse warehouse, BoundQuery query, ResolvedPeriod period, string? timeZone, string? locale,
        EvaluationLimits limits, TimeSpan timeout)
    {
        var table = new QueryExecutor(warehouse, timeout, limits).Execute(Plan(model, warehouse.Dialect, query, period, timeZone, locale, limits.MaxBuckets));
        var zone = timeZone is null ? model.Settings.TimeZone : Dsl.Binding.Rules.FindTimeZone(timeZone) ?? TimeZoneInfo.Utc;
        return UnknownBuckets.Apply(table, query, period, DataEnds.Load(model, warehouse, zone), new SourcesRead(model));
    }
}
