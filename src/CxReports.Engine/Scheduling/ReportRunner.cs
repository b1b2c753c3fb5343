using CxReports.Dsl.Model;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Scheduling;

/// <summary>How a run ended: delivered everywhere, some targets failed, nothing to send, or the report failed.</summary>
public sealed record RunOutcome(string RunId, RunStatus Status, IReadOnlyList<DeliveryRecord> Deliveries, string? Error);

/// <summary>
/// Runs a report once for a slot and fans it out to its deliveries. Every attempt is recorded; a target already
/// delivered for the slot is skipped (never twice); transient failures are retried with backoff. Email is
/// at-most-once: an attempt interrupted before its outcome was recorded is marked in doubt, not resent. Folder
/// and webhook deliveries are idempotent (same file name; Idempotency-Key header), so they are safely retried.
/// A run a stopped process left running is finished by <see cref="ResumeAsync"/> with the same keys.
/// </summary>
public sealed class ReportRunner(
    RunLog log,
    Func<ReportModel, DateTimeOffset, EvaluatedReport> evaluate,
    IReadOnlyList<IReportFormatter> formatters,
    IReadOnlyList<IDeliveryChannel> channels,
    TimeProvider time,
    RetryPolicy? retry = null,
    IRunObserver? observer = null)
{
    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _running = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _active = new();

    /// <summary>Runs and delivers; one run of a report at a time (a second waits for the first).</summary>
    public Task<RunOutcome> RunAsync(ReportModel report, DateTimeOffset slot, string trigger, CancellationToken cancellation) =>
        OneAtATimeAsync(report.Name, () =>
        {
            var runId = Guid.NewGuid().ToString("N");
            return TrackedAsync(runId, report.Name, trigger, () =>
            {
                log.StartRun(new RunRecord(runId, report.Name, slot, trigger, time.GetUtcNow(), null, RunStatus.Running, null));
                return EvaluateAndDeliverAsync(runId, report, slot, cancellation);
            });
        }, cancellation);

    /// <summary>
    /// A manual run (run-now over HTTP, <c>cxr run --deliver</c>): runs and delivers now, for the slot of this second.
    /// </summary>
    public Task<RunOutcome> RunNowAsync(ReportModel report, CancellationToken cancellation) =>
        RunAsync(report, ManualSlot(time.GetUtcNow()), "manual", cancellation);

    /// <summary>
    /// Now, to the second. The slot is stored in the run log (to the microsecond) and a resumed run recomputes its
    /// idempotency keys from the stored one, so it must carry no finer part. Keys name the report, slot and target,
    /// not the trigger: to the minute, a run-now at 09:00:40 would take the keys of a 09:00 scheduled slot and be
    /// skipped as already delivered (or make the schedule skip its own delivery). To the second, only a repeat within
    /// the same second (a double submit) is taken for the same delivery, and it is sent once.
    /// </summary>
    private static DateTimeOffset ManualSlot(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>Whether this runner is running <paramref name="runId"/> now (so it is not an interrupted run).</summary>
    public bool IsActive(string runId) => _active.ContainsKey(runId);

    /// <summary>
    /// Finishes a run that a stopped process left <c>running</c>, for the same slot and with the same idempotency keys:
    /// an email whose attempt was cut off is marked in doubt (never resent), targets already delivered are skipped,
    /// the others delivered. Null when the run is no longer running (finished meanwhile). <paramref name="report"/> is
    /// the report in the current model (its deliveries now); without it (removed) the run ends as failed.
    /// </summary>
    public Task<RunOutcome?> ResumeAsync(RunRecord run, ReportModel? report, CancellationToken cancellation) =>
        OneAtATimeAsync(run.Report, async () =>
        {
            if (IsActive(run.RunId) || log.RunStatus(run.RunId) != RunStatus.Running) return null;
            foreach (var cutOff in log.DeliveriesOf(run.RunId).GroupBy(d => d.IdempotencyKey).Select(g => g.Last())
                         .Where(d => d is { Kind: "email", Status: DeliveryStatus.Sending }))
                log.RecordDelivery(cutOff with { Attempt = 0, Status = DeliveryStatus.InDoubt, Error = CutOffEmail, At = time.GetUtcNow() });
            if (report is null)
            {
                var error = $"interrupted, and cannot be resumed: report '{run.Report}' is no longer in the model";
                log.FinishRun(run.RunId, time.GetUtcNow(), RunStatus.Failed, error);
                return new RunOutcome(run.RunId, RunStatus.Failed, log.DeliveriesOf(run.RunId), error);
            }
            return (RunOutcome?)await TrackedAsync(run.RunId, run.Report, "resume", () => EvaluateAndDeliverAsync(run.RunId, report, run.ScheduledFor, cancellation));
        }, cancellation);

    private const string CutOffEmail = "the attempt was cut off before its outcome was recorded (the process stopped); not resent, so the recipient never gets it twice";

    private async Task<T> OneAtATimeAsync<T>(string report, Func<Task<T>> run, CancellationToken cancellation)
    {
        var gate = _running.GetOrAdd(report, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellation);
        try
        {
            return await run();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs with <paramref name="runId"/> marked active, so no one takes it for an interrupted run meanwhile, and
    /// watched by the observer from start to outcome.
    /// </summary>
    private async Task<RunOutcome> TrackedAsync(string runId, string report, string trigger, Func<Task<RunOutcome>> run)
    {
        _active.TryAdd(runId, 0);
        try
        {
            using var watched = observer?.Starting(runId, report, trigger);
            var outcome = await run();
            observer?.Finished(report, outcome);
            return outcome;
        }
        finally
        {
            _active.TryRemove(runId, out _);
        }
    }

    private async Task<RunOutcome> EvaluateAndDeliverAsync(string runId, ReportModel report, DateTimeOffset slot, CancellationToken cancellation)
    {
        EvaluatedReport evaluated;
        try
        {
            evaluated = evaluate(report, slot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.FinishRun(runId, time.GetUtcNow(), RunStatus.Failed, e.Message);
            return new RunOutcome(runId, RunStatus.Failed, log.DeliveriesOf(runId), e.Message);
        }

        var schedule = report.Schedule;
        if (schedule is null || schedule.Deliveries.Count == 0)
        {
            log.FinishRun(runId, time.GetUtcNow(), RunStatus.Evaluated, null);
            return new RunOutcome(runId, RunStatus.Evaluated, [], null);
        }
        if (schedule.SkipWhenEmpty && IsEmpty(evaluated))
        {
            log.FinishRun(runId, time.GetUtcNow(), RunStatus.Skipped, "no data in the period (skip when empty)");
            return new RunOutcome(runId, RunStatus.Skipped, [], null);
        }

        var slotDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, schedule.TimeZone).DateTime);
        var documents = new Dictionary<string, IReadOnlyList<DeliveryDocument>>();
        foreach (var delivery in schedule.Deliveries)
        foreach (var target in delivery.Targets)
            await DeliverAsync(runId, report, delivery, target, slot, slotDate, evaluated, documents, cancellation);

        var records = log.DeliveriesOf(runId);
        var finals = records.GroupBy(r => r.IdempotencyKey).Select(g => g.Last()).ToArray();
        var undelivered = finals.Where(r => r.Status is not (DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered)).ToArray();
        var status = undelivered.Length == 0 ? RunStatus.Delivered : undelivered.Length < finals.Length ? RunStatus.Partial : RunStatus.Failed;
        var error = undelivered.Length == 0
            ? null
            : "not delivered: " + string.Join("; ", undelivered.Select(r => $"{r.Kind} {r.Target} {r.Status.ToText()}"));
        log.FinishRun(runId, time.GetUtcNow(), status, error);
        return new RunOutcome(runId, status, records, error);
    }

    private async Task DeliverAsync(string runId, ReportModel report, DeliveryModel delivery, string target, DateTimeOffset slot, DateOnly slotDate,
        EvaluatedReport evaluated, Dictionary<string, IReadOnlyList<DeliveryDocument>> documents, CancellationToken cancellation)
    {
        var kind = delivery.Kind.ToString().ToLowerInvariant();
        var key = DeliveryNames.IdempotencyKey(report.Name, slot, kind, target);
        // The run log keeps the target as it may be shown: a webhook URL's credentials never reach it.
        var shown = RedactedTarget.Of(target);
        void Record(int attempt, DeliveryStatus status, string? error) =>
            log.RecordDelivery(new DeliveryRecord(runId, report.Name, slot, kind, shown, attempt, status, error?.Replace(target, shown), time.GetUtcNow(), key));

        var last = log.LastAttempt(key);
        switch (last?.Status)
        {
            case DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered when last.RunId == runId:
                return;
            case DeliveryStatus.Delivered or DeliveryStatus.AlreadyDelivered:
                Record(0, DeliveryStatus.AlreadyDelivered, null);
                return;
            case DeliveryStatus.InDoubt or DeliveryStatus.Failed when last.RunId == runId:
                return;
            case DeliveryStatus.Sending or DeliveryStatus.InDoubt when delivery.Kind == DeliveryKind.Email:
                Record(0, DeliveryStatus.InDoubt, "an earlier attempt was interrupted before its outcome was recorded; not resent to avoid a duplicate email");
                return;
        }

        var channel = channels.FirstOrDefault(c => c.Kind == delivery.Kind);
        if (channel is null)
        {
            Record(0, DeliveryStatus.Failed, $"no {kind} channel is configured");
            return;
        }
        DeliveryContext context;
        try
        {
            context = new DeliveryContext(report, delivery, target, slot, evaluated,
                delivery.Formats.SelectMany(f => Documents(f.Name(), delivery, evaluated, slotDate, documents)).ToArray(),
                key, DeliveryNames.Subject(delivery.Subject, evaluated, slotDate));
        }
        catch (MissingFormatException e)
        {
            Record(0, DeliveryStatus.Failed, e.Message);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A document that cannot be made (a table past a spreadsheet's rows) fails this target, not the run.
            Record(0, DeliveryStatus.Failed, $"the documents could not be made: {e.Message}");
            return;
        }

        // A resumed run numbers on from the attempt the stopped process made, and has its own retries.
        var attempt = last?.RunId == runId ? last.Attempt : 0;
        var retries = _retry.Pipeline(time, (e, _) => Record(attempt, DeliveryStatus.Retrying, e.Message));
        try
        {
            await retries.ExecuteAsync(async token =>
            {
                Record(++attempt, DeliveryStatus.Sending, null);
                await channel.DeliverAsync(context, token);
            }, cancellation);
            Record(attempt, DeliveryStatus.Delivered, null);
        }
        catch (DeliveryException e)
        {
            Record(attempt, DeliveryStatus.Failed, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unexpected failure is recorded, not retried: nothing says a retry would not duplicate it.
            Record(attempt, DeliveryStatus.Failed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private IReadOnlyList<DeliveryDocument> Documents(string format, DeliveryModel delivery, EvaluatedReport evaluated, DateOnly slotDate,
        Dictionary<string, IReadOnlyList<DeliveryDocument>> cache)
    {
        var name = DeliveryNames.FileName(delivery.FileName, evaluated, slotDate, format);
        if (cache.TryGetValue(name, out var documents)) return documents;
        var formatter = formatters.FirstOrDefault(f => f.Format == format)
                        ?? throw new MissingFormatException($"{format} documents cannot be produced here (available: {string.Join(", ", formatters.Select(f => f.Format))})");
        return cache[name] = formatter.Files(evaluated)
            .Select(file => new DeliveryDocument(format, file.Block is null ? name : DeliveryNames.WithBlock(name, file.Block), formatter.ContentType, file.Content))
            .ToArray();
    }

    /// <summary>Whether the report has no number at all in the period (every numeric block empty or all null).</summary>
    private static bool IsEmpty(EvaluatedReport report) => report.Sections.SelectMany(s => s.Blocks)
        .Where(b => b.Table is not null && b.Type is not "scenario")
        .All(b => b.Table!.Rows.All(row => row.Skip(1).All(v => v is null or 0L or 0.0)));
}

/// <summary>A delivery asks for a document format no formatter produces.</summary>
public sealed class MissingFormatException(string message) : Exception(message);
