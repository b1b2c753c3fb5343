using CxReports.Dsl.Binding;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Rendering.Json;
using CxReports.Server.Requests;
using CxReports.Server.Settings;
using CxReports.Server.Problems;
using CxReports.Server.Serving;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Ad-hoc queries (<c>nps, csat by month, channel</c>) over the serving model: bound against it, planned for the period
/// (<see cref="AdHocQuery"/>, as <c>cxr query</c>), cached like reports. Without <c>timezone</c> or <c>locale</c> it takes
/// the model block's, as a report without its own does.
/// </summary>
public sealed class QueryService(
    ServingStore store,
    WarehouseGate warehouse,
    ResultCache cache,
    EvaluationLimiter limiter,
    Monitoring.CxrMetrics metrics,
    IOptions<CxrServerOptions> options,
    TimeProvider time)
{
    public async Task<Outcome<ServedDocument>> Run(IQueryCollection query, CancellationToken cancellation)
    {
        var state = store.State;
        if (query["q"].Count > 1) return ServerProblem.BadParameter("q", "'q' is given more than once; give one query");
        var text = query["q"].ToString();
        if (string.IsNullOrWhiteSpace(text))
            return ServerProblem.BadParameter("q", "give the query in 'q', e.g. ?q=nps, csat by month");
        if (text.Length > options.Value.MaxQueryLength)
            return ServerProblem.BadParameter("q", $"the query is {text.Length} characters long; at most {options.Value.MaxQueryLength} are accepted (Cxr:MaxQueryLength)");
        var from = RequestReader.Date(query, "from");
        if (from.Problem is { } p1) return p1;
        var to = RequestReader.Date(query, "to");
        if (to.Problem is { } p2) return p2;
        var zone = query.TryGetValue("timezone", out var z) ? z.ToString() : null;
        if (zone is not null && Rules.FindTimeZone(zone) is null)
            return ServerProblem.BadParameter("timezone", $"unknown time zone '{RequestReader.Shorten(zone)}' (IANA names such as Europe/Istanbul)");

        if (query["locale"].Count > 1) return ServerProblem.BadParameter("locale", "'locale' is given more than once; give one locale");
        var locale = query.TryGetValue("locale", out var l) ? l.ToString() : null;
        if (locale is not null && !Rules.IsKnownLocale(locale))
            return ServerProblem.BadParameter("locale", $"unknown locale '{RequestReader.Shorten(locale)}' (language-region names such as tr-TR or en-US)");

        ResolvedPeriod period;
        try
        {
            period = AdHocQuery.Period(from.Value, to.Value, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }
        catch (ReportArgumentException e)
        {
            return ServerProblem.BadParameter(e.Parameter, e.Message);
        }

        // Without a zone or locale the model's is used: QueryVersion changes with the model block, so "" is that one.
        var key = string.Join("|", state.QueryVersion, $"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}", zone, locale, text);
        try
        {
            var (document, hit) = await cache.GetOrCreate(ResultCache.QueryTag, key, async token =>
            {
                // Bound only on a miss: a cached query costs no parsing. Errors are not cached.
                var (bound, diagnostics) = ModelBinder.BindQuery(state.Model, text);
                if (bound is null) throw new InvalidQueryException(diagnostics);
                using var lease = await limiter.Enter(token) ?? throw new ServerBusyException();
                var limits = options.Value.EvaluationLimits;
                var timeout = TimeSpan.FromSeconds(options.Value.QueryTimeoutSeconds);
                var table = await metrics.Evaluation("query", null, () => warehouse.Run(w => AdHocQuery.Run(state.Model, w, bound, period, zone, locale, limits, timeout), token));
                return new RenderedDocument(ResultTableJson.Bytes(table, indented: false), "application/json", $"W/\"{ModelFingerprints.Hash(key)}\"");
            }, cancellation);
            return new ServedDocument(document, hit);
        }
        catch (InvalidQueryException e)
        {
            return ServerProblem.Diagnostics("Invalid query", "the query has errors; each diagnostic gives its column in 'q'", e.Diagnostics);
        }
        catch (Exception e) when (EvaluationProblems.From(e) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>Carries a query's diagnostics out of the cache factory, so that nothing is cached for it.</summary>
    private sealed class InvalidQueryException(IReadOnlyList<Dsl.Diagnostics.Diagnostic> diagnostics) : Exception("invalid query")
    {
        public IReadOnlyList<Dsl.Diagnostics.Diagnostic> Diagnostics { get; } = diagnostics;
    }
}
