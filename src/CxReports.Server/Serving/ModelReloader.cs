using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Engine.Loading;
using CxReports.Engine.Reports;
using CxReports.Engine.Warehouse;
using CxReports.Server.Monitoring;
using CxReports.Server.Settings;
using CxReports.Server.Security;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Serving;

/// <summary>
/// Re-reads the API keys and the report files and, when the files bind without errors, loads the sources whose files are new or changed,
/// swaps the new <see cref="ServingState"/> in whole and drops the cached results whose version changed. When the
/// files have errors, or compiling or loading them fails in any way (a bug, a full disk), the last good state keeps
/// serving and the reason is kept for <c>/api/status</c> and logged. One reload at a time.
/// </summary>
public sealed class ModelReloader(
    IOptions<CxrServerOptions> options,
    WarehouseGate warehouse,
    ServingStore store,
    CompileModel compile,
    ResultCache cache,
    ApiKeyRegistry keys,
    CxrMetrics metrics,
    TimeProvider time,
    ILogger<ModelReloader> log)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<ReloadOutcome> Reload(string trigger, CancellationToken cancellation = default)
    {
        await _one.WaitAsync(cancellation);
        try
        {
            return await ReloadAlone(trigger, cancellation);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<ReloadOutcome> ReloadAlone(string trigger, CancellationToken cancellation)
    {
        try
        {
            // Keys first, whatever the report files hold: a server whose model is refused must still admit its admins.
            keys.Replace(await warehouse.Run(ApiKeyTable.All, cancellation));
            return await CompileAndSwap(trigger, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Diagnostics cover what is wrong with the files; this is what is wrong with us or the machine. Either
            // way the change is refused and the last good model keeps serving: no file may stop the server.
            log.LogError(e, "reloading the model failed unexpectedly ({Trigger})", trigger);
            return Refuse(trigger, [], $"an internal error stopped the reload ({e.GetType().Name}: {FirstLine(e.Message)}); the server log has the details");
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private async Task<ReloadOutcome> CompileAndSwap(string trigger, CancellationToken cancellation)
    {
        var directory = Path.GetFullPath(options.Value.ReportsDirectory);
        IReadOnlyList<SourceFile> files;
        try
        {
            files = ReportFiles.Read([directory], directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse(trigger, [], $"the report files could not be read: {e.Message}");
        }
        var bound = compile(files);
        if (files.Count == 0) return Refuse(trigger, bound.Diagnostics, $"no .cxr files in '{directory}'");
        if (bound.Model is not { } model)
            return Refuse(trigger, bound.Diagnostics, $"{bound.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s) in the report files");

        var (loads, hashes, sources) = await warehouse.Run(w =>
        {
            var outcomes = new WarehouseLoader(w, time).LoadAll(model, force: false).ToList();
            var contentHashes = model.Sources.Keys.ToDictionary(s => s, s => w.Log.LastLoaded(s)?.ContentHash ?? "");
            var sources = model.Sources.Keys.Order(StringComparer.Ordinal).Select(s =>
            {
                var attempt = w.Log.LastAttempt(s);
                var loaded = w.Log.LastLoaded(s);
                return new SourceStatus(s, attempt?.Status.ToText() ?? "never loaded", loaded?.Rows ?? 0,
                    outcomes.FirstOrDefault(o => o.Source == s)?.ErrorCount ?? 0, loaded?.LoadedAt,
                    attempt?.Status == LoadLogStatus.Failed ? attempt.Error : null, loaded?.DataThrough?.ToString());
            }).ToArray();
            return (outcomes, contentHashes, sources);
        }, cancellation);
        foreach (var load in loads) metrics.SourceLoad(load.Source, load.Status.ToString().ToLowerInvariant(), load.Duration, load.Rows);
        foreach (var load in loads.Where(l => l.Status != LoadStatus.Unchanged))
            log.LogInformation("source {Source}: {Status}, {Rows} rows, {Errors} errors", load.Source, load.Status, load.Rows, load.ErrorCount);
        foreach (var diagnostic in loads.SelectMany(l => l.Diagnostics).Take(20))
            log.LogWarning("{Diagnostic}", diagnostic.Headline);

        var previous = store.Current;
        var state = Build(model, files, hashes, sources, (previous?.Generation ?? 0) + 1);

        // Dropped before the new state is served, never after: an evaluation of the new state that started between
        // the two would take the old expiry token and its fresh result would be dropped as soon as it was stored.
        // Results of the old state stored in between are harmless: their keys carry the old versions.
        var invalidated = previous is null ? [] : previous.ReportVersions
            .Where(r => !state.ReportVersions.TryGetValue(r.Key, out var version) || version != r.Value)
            .Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
        foreach (var report in invalidated) await cache.Invalidate(ResultCache.ReportTag(report), cancellation);
        if (previous is not null && previous.QueryVersion != state.QueryVersion) await cache.Invalidate(ResultCache.QueryTag, cancellation);
        store.Accept(state);

        log.LogInformation("model generation {Generation} serving ({Trigger}): {Reports} reports from {Files} files, data version {DataVersion}; {Invalidated} cached report(s) dropped",
            state.Generation, trigger, model.Reports.Count, files.Count, state.DataVersion, invalidated.Length);
        foreach (var warning in bound.Diagnostics) log.LogWarning("{Diagnostic}", warning.Headline);
        metrics.Reload(accepted: true);
        return new ReloadOutcome(true, state, bound.Diagnostics, loads, invalidated);
    }

    private ReloadOutcome Refuse(string trigger, IReadOnlyList<Diagnostic> diagnostics, string message)
    {
        var current = store.Current;
        store.Refuse(new ReloadFailure(time.GetUtcNow(), trigger, diagnostics, message));
        log.LogError("report change refused ({Trigger}): {Message}; {Serving}", trigger, message,
            current is null ? "nothing to serve yet" : $"still serving generation {current.Generation}");
        foreach (var diagnostic in diagnostics) log.LogError("{Diagnostic}", diagnostic.Headline);
        metrics.Reload(accepted: false);
        return new ReloadOutcome(false, current, diagnostics, [], [], message);
    }

    private ServingState Build(Dsl.Model.SemanticModel model, IReadOnlyList<SourceFile> files,
        IReadOnlyDictionary<string, string> contentHashes, IReadOnlyList<SourceStatus> sources, long generation)
    {
        var fingerprints = ModelFingerprints.Of(model, files);
        var dependencies = new ReportDependencies(model);
        var reports = model.Reports.Values.ToDictionary(r => r.Name, r => ModelFingerprints.Hash(
            fingerprints.Reports[r.Name] + "\n" + DataVersion.Of(dependencies.Of(r), contentHashes.GetValueOrDefault)));
        var dataVersion = DataVersion.Of(model.Sources.Keys, contentHashes.GetValueOrDefault);
        return new ServingState(generation, time.GetUtcNow(), model, files, reports,
            ModelFingerprints.Hash(fingerprints.Shared + "\n" + dataVersion), dataVersion, sources);
    }
}
