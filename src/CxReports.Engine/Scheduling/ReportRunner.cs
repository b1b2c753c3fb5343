using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Scheduling;

/// <summary>How a run ended: delivered everywhere, some targets failed, nothing to send, or the report failed.</summary>
public sealed record RunOutcome(string RunId, string Status, IReadOnlyList<DeliveryRecord> Deliveries, string? Error);

/// <summary>
/// Runs a report once for a slot and fans it out to its deliveries. Every attempt is recorded; a target already
/// delivered for the slot is skipped (never twice); transient failures are retried with backoff. Email is
/// at-most-once: an attempt interrupted before its outcome was recorded is marked in doubt, not resent. Folder
/// and webhook deliveries are idempotent (same file name; Idempotency-Key header), so they are safely retried.
/// </summary>
public sealed class ReportRunner(
    RunLog log,
    Func<ReportModel, DateTimeOffset, EvaluatedReport> evaluate,
    IReadOnlyList<IReportFormatter> formatters,
    IReadOnlyList<IDeliveryChannel> channels,
    TimeProvider time,
    RetryPolicy? retry = null)
{
    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _running = new();

    /// <summary>Runs and delivers; one run of a report at a time (a second waits for the first).</summary>
    public async Task<RunOutcome> RunAsync(ReportModel report, DateTimeOffset slot, string trigger, CancellationToken cancellation)
    {
        var gate = _running.GetOrAdd(report.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellation);
        try
        {
            return await RunOnceAsync(report, slot, trigger, cancellation);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RunOutcome> RunOnceAsync(ReportModel report, DateTimeOffset slot, string trigger, CancellationToken cancellation)
    {
        var runId = Guid.NewGuid().ToString("N");
        log.StartRun(new RunRecord(runId, report.Name, slot, trigger, time.GetUtcNow(), null, "running", null));
        EvaluatedReport evaluated;
        try
        {
            evaluated = evaluate(report, slot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.FinishRun(runId, time.GetUtcNow(), "failed", e.Message);
            return new RunOutcome(runId, "failed", [], e.Message);
        }

        var schedule = report.Schedule;
        if (schedule is null || schedule.Deliveries.Count == 0)
        {
            log.FinishRun(runId, time.GetUtcNow(), "evaluated", null);
            return new RunOutcome(runId, "evaluated", [], null);
        }
        if (schedule.SkipWhenEmpty && IsEmpty(evaluated))
        {
            log.FinishRun(runId, time.GetUtcNow(), "skipped", "no data in the period (skip when empty)");
            return new RunOutcome(runId, "skipped", [], null);
        }

        var slotDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, Dsl.Binding.Rules.FindTimeZone(schedule.TimeZone) ?? TimeZoneInfo.Utc).DateTime);
        var documents = new Dictionary<string, DeliveryDocument>();
        foreach (var delivery in schedule.Deliveries)
        foreach (var target in delivery.Targets)
            await DeliverAsync(runId, report, delivery, target, slot, slotDate, evaluated, documents, cancellation);

        var records = log.DeliveriesOf(runId);
        var finals = records.GroupBy(r => r.IdempotencyKey).Select(g => g.Last().Status).ToArray();
        var status = finals.All(s => s is "delivered" or "already_delivered") ? "delivered" : finals.Any(s => s == "delivered") ? "partial" : "failed";
        log.FinishRun(runId, time.GetUtcNow(), status, status == "delivered" ? null : "some deliveries failed; see the delivery log");
        return new RunOutcome(runId, status, records, null);
    }

    private async Task DeliverAsync(string runId, ReportModel report, DeliveryModel delivery, string target, DateTimeOffset slot, DateOnly slotDate,
        EvaluatedReport evaluated, Dictionary<string, DeliveryDocument> documents, CancellationToken cancellation)
    {
        var kind = delivery.Kind.ToString().ToLowerInvariant();
        var key = DeliveryNames.IdempotencyKey(report.Name, slot, kind, target);
        void Record(int attempt, string status, string? error) =>
            log.RecordDelivery(new DeliveryRecord(runId, report.Name, slot, kind, target, attempt, status, error, time.GetUtcNow(), key));

        switch (log.DeliveryState(key))
        {
            case "delivered" or "already_delivered":
                Record(0, "already_delivered", null);
                return;
            case "sending" or "in_doubt" when delivery.Kind == DeliveryKind.Email:
                Record(0, "in_doubt", "an earlier attempt was interrupted before its outcome was recorded; not resent to avoid a duplicate email");
                return;
        }

        var channel = channels.FirstOrDefault(c => c.Kind == delivery.Kind);
        if (channel is null)
        {
            Record(0, "failed", $"no {kind} channel is configured");
            return;
        }
        DeliveryContext context;
        try
        {
            context = new DeliveryContext(report, delivery, target, slot, evaluated,
                delivery.Formats.Select(f => Document(f, delivery, evaluated, slotDate, documents)).ToArray(),
                key, DeliveryNames.Subject(delivery.Subject, evaluated, slotDate));
        }
        catch (MissingFormatException e)
        {
            Record(0, "failed", e.Message);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1) await Task.Delay(_retry.DelayBefore(attempt), time, cancellation);
            Record(attempt, "sending", null);
            try
            {
                await channel.DeliverAsync(context, cancellation);
                Record(attempt, "delivered", null);
                return;
            }
            catch (DeliveryException e) when (e.Transient && attempt < _retry.MaxAttempts)
            {
                Record(attempt, "retrying", e.Message);
            }
            catch (DeliveryException e)
            {
                Record(attempt, "failed", e.Message);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An unexpected failure is recorded, not retried: nothing says a retry would not duplicate it.
                Record(attempt, "failed", $"{e.GetType().Name}: {e.Message}");
                return;
            }
        }
    }

    private DeliveryDocument Document(string format, DeliveryModel delivery, EvaluatedReport evaluated, DateOnly slotDate, Dictionary<string, DeliveryDocument> cache)
    {
        var name = DeliveryNames.FileName(delivery.FileName, evaluated, slotDate, format);
        if (cache.TryGetValue(name, out var document)) return document;
        var formatter = formatters.FirstOrDefault(f => f.Format == format)
                        ?? throw new MissingFormatException($"{format} documents cannot be produced here (available: {string.Join(", ", formatters.Select(f => f.Format))})");
        return cache[name] = new DeliveryDocument(format, name, formatter.ContentType, formatter.Render(evaluated));
    }

    /// <summary>Whether the report has no number at all in the period (every numeric block empty or all null).</summary>
    private static bool IsEmpty(EvaluatedReport report) => report.Sections.SelectMany(s => s.Blocks)
        .Where(b => b.Table is not null && b.Type is not "scenario")
        .All(b => b.Table!.Rows.All(row => row.Skip(1).All(v => v is null or 0L or 0.0)));
}

/// <summary>A delivery asks for a document format no formatter produces.</summary>
public sealed class MissingFormatException(string message) : Exception(message);
