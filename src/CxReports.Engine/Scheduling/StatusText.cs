using System.Text.Json;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// How run and delivery statuses are written in the run log and shown (JSON, the command line, log lines): the member
/// name in snake case (<see cref="DeliveryStatus.AlreadyDelivered"/> is <c>already_delivered</c>), the words the log has
/// always stored.
/// </summary>
public static class StatusText
{
    public static string ToText(this RunStatus status) => Text(status);

    public static string ToText(this DeliveryStatus status) => Text(status);

    /// <summary>The status a stored text names. Only this code writes the run log, so a text no status has is a bug.</summary>
    public static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var status in Enum.GetValues<T>())
            if (Text(status) == text) return status;
        throw new InvalidOperationException($"the run log holds '{text}', which is no {typeof(T).Name}");
    }

    private static string Text<T>(T status) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
