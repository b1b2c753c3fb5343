using System.Diagnostics;
using System.Diagnostics.Metrics;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Server.Monitoring;

/// <summary>
/// Every instrument of the server, on one <see cref="Meter"/> named <see cref="MeterName"/>, recorded where the thing
/// happens; <c>/metrics</c> exports them (with ASP.NET's request metrics) in the Prometheus text format. Labels hold
/// only bounded values: report, source and channel names of the model, and fixed outcome words; never a parameter,
/// a query text, a target address or a data value.
/// </summary>
public sealed class CxrMetrics : IDisposable
{
    public const string MeterName = "CxReports";

    private readonly Meter _meter;
    private readonly Counter<long> _evaluations;
    private readonly Histogram<double> _evaluationDuration;
    /// <summary>Cache lookups by kind (report, query) and result (hit, miss), in that order: counted here, read by the exporter.</summary>
    private readonly long[] _cacheLookups = new long[4];
    private readonly Counter<long> _sourceLoads;
    private readonly Histogram<double> _sourceLoadDuration;
    private readonly Counter<long> _sourceRows;
    private readonly Counter<long> _reloads;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _deliveries;

    public CxrMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _evaluations = _meter.CreateCounter<long>("cxr.evaluations", "{evaluation}",
            "Evaluations on the warehouse (kind: report and query on a cache miss, run), by kind, report and outcome (ok, timeout, too_large, cancelled, failed).");
        _evaluationDuration = _meter.CreateHistogram<double>("cxr.evaluation.duration", "s",
            "How long an evaluation took on the warehouse, by kind, report and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        // Observed at the scrape, not recorded per lookup: a cached report answers tens of thousands of times a second,
        // and one increment costs a fraction of a recorded measurement's tag lookup.
        _meter.CreateObservableCounter("cxr.result_cache.lookups", CacheLookups, "{lookup}",
            "Reports and queries served, by kind and whether the result cache held them (result: hit or miss).");
        _sourceLoads = _meter.CreateCounter<long>("cxr.source.loads", "{load}",
            "Source loads at start and on reloads, by source and outcome (loaded, unchanged, failed).");
        _sourceLoadDuration = _meter.CreateHistogram<double>("cxr.source.load.duration", "s",
            "How long a source load took, by source and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _sourceRows = _meter.CreateCounter<long>("cxr.source.loaded_rows", "{row}",
            "Rows written by source loads that succeeded, by source.");
        _reloads = _meter.CreateCounter<long>("cxr.reloads", "{reload}",
            "Reloads of the report files and data (start, file change, POST /api/reload), by outcome (accepted, refused).");
        _runs = _meter.CreateCounter<long>("cxr.runs", "{run}",
            "Scheduled, manual and resumed runs that ended, by report and outcome (delivered, partial, failed, skipped, evaluated).");
        _deliveries = _meter.CreateCounter<long>("cxr.deliveries", "{delivery}",
            "Delivery targets of runs that ended, by channel (folder, email, webhook) and final outcome.");
    }

    /// <summary>Seconds from 5 ms to 5 minutes: a cached-size report takes tens of milliseconds, a large load minutes.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    /// <summary>
    /// Runs <paramref name="evaluate"/> and records it as one evaluation of <paramref name="kind"/> (report, query, run) with its
    /// duration and outcome; the outcome is the word <see cref="EvaluationOutcome"/> gives the exception, if any.
    /// </summary>
    public async Task<T> Evaluation<T>(string kind, string? report, Func<Task<T>> evaluate)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await evaluate();
        }
        catch (Exception e)
        {
            outcome = EvaluationOutcome(e);
            throw;
        }
        finally
        {
            var tags = new TagList { { "kind", kind }, { "outcome", outcome } };
            if (report is not null) tags.Add("report", report);
            _evaluations.Add(1, tags);
            _evaluationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>A report or query served from the cache (<paramref name="hit"/>) or evaluated for this request.</summary>
    public void CacheLookup(string kind, bool hit)
    {
        var index = kind switch
        {
            "report" => 0,
            "query" => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a cache lookup is of a report or a query"),
        };
        Interlocked.Increment(ref _cacheLookups[index + (hit ? 0 : 1)]);
    }

    /// <summary>The lookups counted so far, one measurement per kind and result that has happened (as a counter shows only what was added to it).</summary>
    private IEnumerable<Measurement<long>> CacheLookups()
    {
        for (var i = 0; i < _cacheLookups.Length; i++)
            if (Interlocked.Read(ref _cacheLookups[i]) is var count and > 0)
                yield return new Measurement<long>(count,
                    new KeyValuePair<string, object?>("kind", i < 2 ? "report" : "query"), new KeyValuePair<string, object?>("result", i % 2 == 0 ? "hit" : "miss"));
    }

    /// <summary>One source load: its outcome word, its duration, and the rows it wrote when it loaded.</summary>
    public void SourceLoad(string source, string outcome, TimeSpan duration, long rows)
    {
        var tags = new TagList { { "source", source }, { "outcome", outcome } };
        _sourceLoads.Add(1, tags);
        _sourceLoadDuration.Record(duration.TotalSeconds, tags);
        if (outcome == "loaded") _sourceRows.Add(rows, new KeyValuePair<string, object?>("source", source));
    }

    /// <summary>A reload, accepted (a new generation serves) or refused (the last good one keeps serving).</summary>
    public void Reload(bool accepted) => _reloads.Add(1, new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "refused"));

    /// <summary>A run that ended with <paramref name="outcome"/>.</summary>
    public void Run(string report, string outcome) =>
        _runs.Add(1, new KeyValuePair<string, object?>("report", report), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One delivery target's final outcome in a run.</summary>
    public void Delivery(string channel, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The outcome word of a failed evaluation: too slow, too large, cancelled, or failed for another reason.</summary>
    private static string EvaluationOutcome(Exception e) => e switch
    {
        OperationCanceledException => "cancelled",
        QueryTimeoutException => "timeout",
        ResultLimitException or TooManyBucketsException => "too_large",
        _ => "failed",
    };

    public void Dispose() => _meter.Dispose();
}
