namespace CxReports.Server.Pages;

/// <summary>Moments on the server's pages: UTC, to the minute, in one unambiguous form ("2026-12-07 14:05 UTC").</summary>
public static class PageTime
{
    public static string Show(DateTimeOffset? at) =>
        at is { } moment ? moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
