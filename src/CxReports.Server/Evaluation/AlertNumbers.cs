using System.Globalization;

namespace CxReports.Server.Evaluation;

/// <summary>
/// A segment's numbers (and an alert's next check) as the alerts page and <c>cxr alert list</c> show them: two decimals at most, a change signed
/// (in percent when the condition is relative), and the given text for an undefined value.
/// </summary>
public static class AlertNumbers
{
    public static string Value(double? value, string none) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? none;

    public static string Change(double? change, bool relative, string none) => change switch
    {
        null => none,
        { } c when relative => c.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture),
        { } c => c.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture),
    };

    public static string PValue(double? p, string none) => p?.ToString("0.####", CultureInfo.InvariantCulture) ?? none;

    /// <summary>A moment as its zone reads it (a next check is set in the alert's zone): <c>2026-12-08 09:00 UTC+03:00</c>.</summary>
    public static string InZone(DateTimeOffset? at, string none) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture) ?? none;

    /// <summary>A confidence level as a percentage: 0.95 as 95%.</summary>
    public static string Level(double level) => level.ToString("0.##%", CultureInfo.InvariantCulture);
}
