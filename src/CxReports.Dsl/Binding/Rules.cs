using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Binding;

/// <summary>Checks on written values that do not depend on the rest of the model: paths, cron, zones, locales.</summary>
public static partial class Rules
{
    /// <summary>
    /// Query-string members of <c>GET /api/reports/{name}</c> that are not report parameters (the period and the
    /// document asked for), so no parameter may be called so (CXR060).
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedParamNames = ["from", "to", "format", "block"];

    /// <summary>Why a data path may not be used, or null when it stays inside the data directory.</summary>
    public static string? DataPathProblem(string path) => PathPolicy.Problem(path, PathPolicy.DataDirectory);

    private static readonly DateTime NeverFiresProbe = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Parses a 5-field (minutes) or 6-field (seconds first) cron expression; null with the reason if invalid.</summary>
    public static CronExpression? ParseCron(string text, out string? problem)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            problem = $"a cron expression has 5 fields (minute hour day month weekday) or 6 with seconds first; this one has {fields}";
            return null;
        }
        try
        {
            var cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            // Cronos accepts days that never come (`0 8 30 2 *`, February 30th); such a schedule would never run.
            problem = cron.GetNextOccurrence(NeverFiresProbe) is null ? "it names a day that never comes (such as February 30th), so it would never run" : null;
            return problem is null ? cron : null;
        }
        catch (Exception e) when (e is CronFormatException or MissingSeedException or FormatException or ArgumentException
                                       or OverflowException or NotSupportedException)
        {
            // Cronos reads a few forms (`H` needs a seed per job) it then refuses with exceptions of their own.
            problem = e is MissingSeedException
                ? "'H' (a hashed value) is not supported; write the minute, hour or day as a number"
                : e.Message;
            return null;
        }
    }

    /// <summary>Why a delivery or alert target is not an email address, or null when it is one.</summary>
    public static string? EmailProblem(string address) => address.Contains('@') ? null : "is not an email address";

    /// <summary>Why a webhook target is not an http(s) URL, or null when it is one.</summary>
    public static string? UrlProblem(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? null : "is not an http(s) URL";

    /// <summary>Finds an IANA time zone (<c>Europe/Istanbul</c>) known to this system.</summary>
    public static TimeZoneInfo? FindTimeZone(string id)
    {
        // On Linux the id is a path under /usr/share/zoneinfo: only names shaped like zone ids are looked up, so
        // "../x" never reaches the file system as a path; a directory ("Europe") is refused with a SecurityException.
        if (!TimeZoneIdRegex().IsMatch(id)) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")]
    private static partial Regex TimeZoneIdRegex();

    /// <summary>Zone ids for did-you-mean suggestions.</summary>
    public static IEnumerable<string> TimeZoneIds => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id);

    /// <summary>The locales whose words the renderer has in full; any other known locale gets English words (CXR055).</summary>
    public static IReadOnlyList<string> TranslatedLocales { get; } = ["en-US", "tr-TR"];

    /// <summary>Whether the locale name is a specific culture this system knows (<c>tr-TR</c>, <c>en-US</c>).</summary>
    public static bool IsKnownLocale(string name) => SpecificCultures.Value.Contains(name);

    /// <summary>Whether the name is a language this system knows (<c>tr</c>, <c>en</c>): a label for it serves every culture of it.</summary>
    public static bool IsLanguage(string name) => Languages.Value.Contains(name);

    // Listing the cultures asks ICU for every one of them (milliseconds): done once, not for each label or report.
    private static readonly Lazy<HashSet<string>> SpecificCultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<HashSet<string>> Languages = new(() =>
        CultureInfo.GetCultures(CultureTypes.NeutralCultures).Select(c => c.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase));
}
