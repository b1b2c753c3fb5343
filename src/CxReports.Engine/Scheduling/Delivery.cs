using CxReports.Dsl.Model;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Scheduling;

/// <summary>One rendered form of a report, ready to deliver: <c>cx_overview_2025-03-03.pdf</c>.</summary>
public sealed record DeliveryDocument(string Format, string FileName, string ContentType, byte[] Content);

/// <summary>Everything one delivery target needs: the report, the slot, the documents and the key that makes it idempotent.</summary>
public sealed record DeliveryContext(
    ReportModel Report,
    DeliveryModel Delivery,
    string Target,
    DateTimeOffset ScheduledFor,
    EvaluatedReport Evaluated,
    IReadOnlyList<DeliveryDocument> Documents,
    string IdempotencyKey,
    string Subject);

/// <summary>A delivery channel: folder, email or webhook.</summary>
public interface IDeliveryChannel
{
    DeliveryKind Kind { get; }

    Task DeliverAsync(DeliveryContext context, CancellationToken cancellation);
}

/// <summary>A delivery that did not happen; <see cref="Transient"/> failures (network, 5xx, SMTP down) are retried.</summary>
public sealed class DeliveryException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}

/// <summary>Turns an evaluated report into one document format (json, csv, pdf, xlsx, zip).</summary>
public interface IReportFormatter
{
    string Format { get; }
    string ContentType { get; }
    byte[] Render(EvaluatedReport report);

    /// <summary>
    /// The files a delivery sends in this format: one, unless a file of the format holds one table (CSV), then one per
    /// block with a table, each with its block id to tell the files apart.
    /// </summary>
    IReadOnlyList<FormattedFile> Files(EvaluatedReport report) => [new(null, Render(report))];
}

/// <summary>One file of a format: its content, and the id of the block it holds when the format holds one block per file.</summary>
public sealed record FormattedFile(string? Block, byte[] Content);
