using System.Globalization;

namespace CxReports.Dsl.Model;

/// <summary>
/// The model-wide settings of the <c>model { }</c> block: the time zone and locale of every report without its own,
/// and of every ad-hoc query that names none, and the currency money is shown in. Without a block: UTC, en-US, none.
/// </summary>
public sealed record ModelSettings(TimeZoneInfo TimeZone, CultureInfo Locale, string? Currency)
{
    /// <summary>The settings of a model without a <c>model</c> block.</summary>
    public static ModelSettings Default { get; } = new(TimeZoneInfo.Utc, CultureInfo.GetCultureInfo("en-US"), null);
}
