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
    private readonly TargetDelivery _delivery = new(log, retry ?? new RetryPolicy(), time);
    private readonly RunGate _gate = new(log, time, observer);

    /// <summary>Runs and delivers; one run of a report at a time (a second waits for the first).</summary>
    public Task<RunOutcome> RunAsync(ReportModel report, DateTimeOffset slot, string trigger, CancellationToken cancellation) =>
        _gate.StartAsync(report.Name, slot, trigger, runId => EvaluateAndDeliverAsync(runId, report, slot, cancellation), cancellation);

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
    internal static DateTimeOffset ManualSlot(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>
    /// Finishes a run that a stopped process left <c>running</c>, for the same slot and with the same idempotency keys:
    /// an email whose attempt was cut off is marked in doubt (never resent), targets already delivered are skipped,
    /// the others delivered. Null when the run is no longer running (finished meanwhile). <paramref name="report"/> is
    /// the report in the current model (its deliveries now); without it (removed) the run ends as failed.
    /// </summary>
    public Task<RunOutcome?> ResumeAsync(RunRecord run, ReportModel? report, CancellationToken cancellation) =>
        _gate.ResumeAsync(run, report is null ? $"report '{run.Report}' is no longer in the model" : null,
            () => _delivery.MarkCutOff(run.RunId, kind => kind == "email"),
            () => EvaluateAndDeliverAsync(run.RunId, report!, run.ScheduledFor, cancellation), cancellation);

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
        {
            var kind = delivery.Kind.ToString().ToLowerInvariant();
            await _delivery.SendOnceAsync(new DeliveryTarget(runId, report.Name, slot, kind, target, delivery.Kind == DeliveryKind.Email),
                () => Prepare(report, delivery, kind, target, slot, slotDate, evaluated, documents), cancellation);
        }
        return _delivery.Finish(runId, RunStatus.Delivered);
    }

    /// <summary>The send to one target, its documents made; a target that cannot be served fails alone, not the run.</summary>
    private Func<CancellationToken, Task> Prepare(ReportModel report, DeliveryModel delivery, string kind, string target, DateTimeOffset slot, DateOnly slotDate,
        EvaluatedReport evaluated, Dictionary<string, IReadOnlyList<DeliveryDocument>> documents)
    {
        var channel = channels.FirstOrDefault(c => c.Kind == delivery.Kind) ?? throw new DeliveryException($"no {kind} channel is configured", transient: false);
        DeliveryContext context;
        try
        {
            context = new DeliveryContext(report, delivery, target, slot, evaluated,
                delivery.Formats.SelectMany(f => Documents(f.Name(), delivery, evaluated, slotDate, documents)).ToArray(),
                DeliveryNames.IdempotencyKey(report.Name, slot, kind, target), DeliveryNames.Subject(delivery.Subject, evaluated, slotDate));
        }
        catch (MissingFormatException e)
        {
            throw new DeliveryException(e.Message, transient: false, e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DeliveryException))
        {
            // A document that cannot be made (a table past a spreadsheet's rows) fails this target, not the run.
            throw new DeliveryException($"the documents could not be made: {e.Message}", transient: false, e);
        }
        return token => channel.DeliverAsync(context, token);
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
