using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Reports;

/// <summary>
/// A query typed by a user (<c>cxr query</c>, <c>/api/query</c>) run as a report block would be: planned in the given
/// zone and locale, executed within the limits, and its buckets after the data end of a metric's sources unknown.
/// One call, so the command line and the HTTP API cannot drift apart.
/// </summary>
public static class AdHocQuery
{
    public static ResultTable Run(SemanticModel model, IWarehouse warehouse, BoundQuery query, ResolvedPeriod period, string timeZone, string locale,
        EvaluationLimits limits, TimeSpan timeout)
    {
        var context = new PlanContext(model, warehouse.Dialect, period, timeZone, new Dictionary<string, object?>(), [])
        {
            MaxBuckets = limits.MaxBuckets,
            Locale = locale,
        };
        var table = new QueryExecutor(warehouse, timeout, limits).Execute(new QueryPlanner(context).Plan(query));
        return UnknownBuckets.Apply(table, query, period, DataEnds.Load(model, warehouse, Dsl.Binding.Rules.FindTimeZone(timeZone) ?? TimeZoneInfo.Utc), new SourcesRead(model));
    }
}
