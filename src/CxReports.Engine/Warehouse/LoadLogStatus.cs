namespace CxReports.Engine.Warehouse;

/// <summary>How a load attempt ended, as the load log stores it: <c>ok</c> (published) or <c>failed</c>.</summary>
public enum LoadLogStatus { Ok, Failed }

/// <summary>The words the load log has always stored for a <see cref="LoadLogStatus"/>.</summary>
public static class LoadLogStatusText
{
    public static string ToText(this LoadLogStatus status) => status switch
    {
        LoadLogStatus.Ok => "ok",
        LoadLogStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status a stored word names. Only the loader writes the log, so another word is a bug.</summary>
    public static LoadLogStatus Parse(string text) => text switch
    {
        "ok" => LoadLogStatus.Ok,
        "failed" => LoadLogStatus.Failed,
        _ => throw new InvalidOperationException($"the load log holds '{text}', which is no load status"),
    };
}
