using CxReports.Engine.Scheduling;
using CxReports.Rendering.Formats;
using CxReports.Server.Settings;

namespace CxReports.Server.Delivery;

/// <summary>The delivery channels of this host (for reports and for alerts), configured from its delivery options.</summary>
public static class DeliveryChannels
{
    public static IReadOnlyList<IDeliveryChannel> All(DeliveryOptions options, HttpClient http, TimeProvider time) =>
        [new FolderChannel(options), new EmailChannel(options), new WebhookChannel(options, http, time)];

    /// <summary>The channels an alert's notices go out by: email, the signed webhook, Slack and Teams.</summary>
    public static IReadOnlyList<IMessageChannel> Messages(DeliveryOptions options, HttpClient http, TimeProvider time) =>
        [new EmailChannel(options), new WebhookChannel(options, http, time), new ChatChannel("slack", options, http), new ChatChannel("teams", options, http)];
}

/// <summary>The document formats deliveries can attach.</summary>
public static class DeliveryFormats
{
    public static IReadOnlyList<IReportFormatter> All { get; } = [new JsonReportFormatter(), new CsvReportFormatter(), new PdfReportFormatter(), new XlsxReportFormatter(), new ZipReportFormatter()];
}
