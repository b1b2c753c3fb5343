using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Warehouse;
using CxReports.Rendering.Sheets;
using CxReports.Server.Monitoring;
using CxReports.Server.Requests;
using CxReports.Server.Settings;
using CxReports.Server.Problems;
using CxReports.Server.Serving;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// A document to send, whether it came from the cache, the file name it is saved under (none for JSON), the report
/// it shows (none for a query), and where the cache keeps it (a report's documents: what <see cref="ReportShortcuts"/> remembers).
/// </summary>
public sealed record ServedDocument(RenderedDocument Document, bool CacheHit, string? FileName = null, string? Report = null, CachedDocument? Cached = null);

/// <summary>
/// Reports as the HTTP API serves them: looked up in the serving model, evaluated once per report version, period and
/// parameters, rendered once per format.
/// </summary>
public sealed class ReportService(
    ServingStore store,
    WarehouseGate warehouse,
    ResultCache cache,
    EvaluationLimiter limiter,
    CxrMetrics metrics,
    IEnumerable<CxReports.Engine.Scheduling.IReportFormatter> renderers,
    IOptions<CxrServerOptions> options,
    TimeProvider time)
{
    public IReadOnlyList<ReportSummary> List() =>
        store.State.Model.Reports.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => ReportSummary.Of(r, time.GetUtcNow())).ToArray();

    public Outcome<ReportModel> Find(string name) => Find(store.State, name);

    private static Outcome<ReportModel> Find(ServingState state, string name)
    {
        if (RequestReader.CheckName(name) is { } bad) return bad;
        var reports = state.Model.Reports;
        return reports.TryGetValue(name, out var report) ? report : ServerProblem.UnknownReport(name, reports.Keys);
    }

    /// <summary>
    /// Whether the report could be evaluated for this query string (names, values, period), as <see cref="Document(string, string?, HttpRequest, CancellationToken)"/>
    /// would check it, without evaluating anything.
    /// </summary>
    public Outcome<ReportModel> Check(string name, IQueryCollection query)
    {
        var state = store.State;
        var found = Find(state, name);
        if (found.Problem is { } missing) return missing;
        var read = RequestReader.Report(query, found.Value!);
        if (read.Problem is { } badRequest) return badRequest;
        try
        {
            new ReportPlanner(state.Model, warehouse.Dialect, time).Resolve(found.Value!, read.Value!);
            return found;
        }
        catch (ReportArgumentException e)
        {
            return ServerProblem.BadParameter(e.Parameter, e.Message, e.Allowed);
        }
    }

    /// <summary>
    /// The report as the document asked for: the format from <paramref name="routeFormat"/>, <c>?format=</c> or the Accept
    /// header (<see cref="DocumentRequest"/>); a CSV holds one block, <c>?block=</c> or the report's only table.
    /// </summary>
    public Task<Outcome<ServedDocument>> Document(string name, string? routeFormat, HttpRequest http, CancellationToken cancellation) =>
        Document(name, routeFormat, http.Query, http.Headers.Accept.ToString(), cancellation);

    /// <summary>The report as a document for a query string not taken from the request (a share link's fixed parameters).</summary>
    public async Task<Outcome<ServedDocument>> Document(string name, string? routeFormat, IQueryCollection query, string? accept, CancellationToken cancellation)
    {
        var state = store.State; // one model for the whole request, even if a reload swaps it meanwhile
        var found = Find(state, name);
        if (found.Problem is { } missing) return missing;
        var report = found.Value!;
        var chosen = DocumentRequest.Format(routeFormat, query, accept);
        if (chosen.Problem is { } badFormat) return badFormat;
        var format = chosen.Value!;
        var asked = DocumentRequest.Block(format, query);
        if (asked.Problem is { } badBlock) return badBlock;
        if (renderers.FirstOrDefault(r => r.Format == format) is not { } renderer)
            return ServerProblem.NotImplemented($"{format.ToUpperInvariant()} rendering not available yet",
                $"this server has no {format} renderer; GET /api/reports/{name} returns the same report as JSON");
        string? block = null;
        if (format == "csv")
        {
            var ids = ReportBlocks.TableIds(report);
            var (id, problem) = ReportBlocks.Choose(name, ids, asked.Value);
            if (problem is not null) return ServerProblem.BadParameter("block", problem, ids);
            block = id;
        }
        var read = RequestReader.Report(query, report);
        if (read.Problem is { } badRequest) return badRequest;

        try
        {
            var view = View(state, report, read.Value!);
            var documentKey = $"{view.Key}|{format}|{block}";
            var documentId = ResultCache.Id(view.Tag, documentKey);
            var (document, hit) = await cache.GetOrCreateById(view.Tag, documentId, async token =>
            {
                var (entry, _) = await Evaluation(state, report, view, token);
                var content = block is null ? renderer.Render(entry.Report) : ReportCsv.Block(entry.Report, block);
                return new RenderedDocument(content, renderer.ContentType, $"W/\"{ModelFingerprints.Hash(documentKey)}\"");
            }, cancellation);
            var file = format == "json" ? null : $"{name}_{view.Period.From:yyyy-MM-dd}_{view.Period.To:yyyy-MM-dd}{(block is null ? "" : "_" + block)}.{format}";
            return new ServedDocument(document, hit, file, name, new CachedDocument(state.Generation, view.Today, documentId, file, name));
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>
    /// The evaluated report itself, for the report page: the same cache entry the JSON, PDF and sheets are rendered
    /// from (one evaluation serves them all), and whether it came from the cache. <c>from</c>, <c>to</c> and the
    /// report's parameters only.
    /// </summary>
    public async Task<Outcome<(EvaluatedReport Report, bool CacheHit)>> Evaluated(string name, IQueryCollection query, CancellationToken cancellation)
    {
        var state = store.State;
        var found = Find(state, name);
        if (found.Problem is { } missing) return missing;
        var report = found.Value!;
        var read = RequestReader.Report(query, report);
        if (read.Problem is { } badRequest) return badRequest;
        try
        {
            var view = View(state, report, read.Value!);
            var (entry, hit) = await Evaluation(state, report, view, cancellation);
            metrics.CacheLookup("report", hit);
            return (entry.Report, hit);
        }
        catch (Exception e) when (Problem(e) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>
    /// One view of a report: the request, its resolved period, the cache key of its evaluation, and the UTC day read
    /// before resolving (the planner's only clock: a default period moves with it).
    /// </summary>
    private sealed record ReportView(ReportRequest Request, ResolvedPeriod Period, string Tag, string Key, DateOnly Today);

    private ReportView View(ServingState state, ReportModel report, ReportRequest request)
    {
        var planner = new ReportPlanner(state.Model, warehouse.Dialect, time);
        var today = planner.Today;
        var (period, values) = planner.Resolve(report, request);
        var key = string.Join("|", report.Name, state.ReportVersions[report.Name], $"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}",
            string.Join("&", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={ParamValues.Show(v.Value)}")));
        return new ReportView(request, period, ResultCache.ReportTag(report.Name), key, today);
    }

    private ValueTask<(EvaluationEntry Entry, bool Hit)> Evaluation(ServingState state, ReportModel report, ReportView view, CancellationToken cancellation) =>
        cache.GetOrCreate(view.Tag, view.Key, t => Evaluate(state, report, view.Request, t), cancellation);

    private static ServerProblem? Problem(Exception e) => e is ReportArgumentException argument
        ? ServerProblem.BadParameter(argument.Parameter, argument.Message, argument.Allowed)
        : EvaluationProblems.From(e);

    private async Task<EvaluationEntry> Evaluate(ServingState state, ReportModel report, ReportRequest request, CancellationToken cancellation)
    {
        using var lease = await limiter.Enter(cancellation) ?? throw new ServerBusyException();
        var timeout = TimeSpan.FromSeconds(options.Value.QueryTimeoutSeconds);
        return await metrics.Evaluation("report", report.Name, () => warehouse.Run(w => new EvaluationEntry(
            new ReportEvaluator(state.Model, w, time, timeout, options.Value.EvaluationLimits).Evaluate(report, request)), cancellation));
    }
}

/// <summary>
/// The problems evaluation can meet, as responses: too busy, too slow, too large (rows, bytes or buckets past their
/// setting). A statement the warehouse refused is no problem of the request: it reaches
/// <see cref="Problems.UnhandledExceptionHandler"/>, which keeps its text in the log.
/// </summary>
public static class EvaluationProblems
{
    public static ServerProblem? From(Exception e) => e switch
    {
        ServerBusyException => ServerProblem.Busy(e.Message),
        QueryTimeoutException => ServerProblem.Of(StatusCodes.Status504GatewayTimeout, "Evaluation timed out", e.Message),
        ResultLimitException limit => TooLarge(limit),
        TooManyBucketsException buckets => TooManyBuckets(buckets),
        PlanningException => ServerProblem.Of(StatusCodes.Status422UnprocessableEntity, "Cannot be planned", e.Message),
        SpreadsheetLimitException sheet => ServerProblem.Of(StatusCodes.Status422UnprocessableEntity, "Too large for a spreadsheet",
            $"{e.Message}: narrow the block (a shorter period, a coarser grain, a top N), or ask for zip (CSV files have no row limit)",
            ("block", sheet.Block), ("format", "xlsx")),
        _ => null,
    };

    private static ServerProblem TooLarge(ResultLimitException e)
    {
        var setting = e.Limit == ResultLimit.Rows ? "Cxr:MaxResultRows" : "Cxr:MaxResultBytes";
        return ServerProblem.Of(StatusCodes.Status422UnprocessableEntity, "Result too large",
            $"{e.Message}, the limit of {setting}: narrow it (a shorter period, a coarser grain, fewer dimensions, a where or top N), or raise {setting}",
            ("limit", setting), ("maximum", e.Maximum), ("block", e.Block));
    }

    private static ServerProblem TooManyBuckets(TooManyBucketsException e) =>
        ServerProblem.Of(StatusCodes.Status422UnprocessableEntity, "Period too long for its grain",
            $"{e.Message} (Cxr:MaxBuckets)",
            ("limit", "Cxr:MaxBuckets"), ("maximum", e.Maximum), ("buckets", e.Buckets),
            ("from", e.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", e.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("grain", e.Grain.Word()));
}
