using CxReports.Engine.Reports;

namespace CxReports.Rendering.Formatting;

/// <summary>
/// The page's words for where the data ends: "Data through 15 Oct 2026", each source's own day when they differ,
/// and, when the period runs past the data, the day the totals were computed up to.
/// </summary>
public static class DataFreshness
{
    /// <summary>The line under the period on the first page; null when no source read has a data end.</summary>
    public static string? Line(ReportFreshness freshness, ValueFormatter format)
    {
        if (Through(freshness, format) is not { } line) return null;
        if (freshness.Sources.Values.Distinct().Count() > 1)
            line += " (" + string.Join(", ", freshness.Sources.Select(s => $"{freshness.Shown(s.Key)} {format.Date(s.Value)}")) + ")";
        if (freshness.ClippedTo is { } clipped)
            line += "  ·  " + string.Format(format.Culture, format.Text.Words["clipped_to"], format.Date(clipped));
        return line;
    }

    /// <summary>"Data through 15 Oct 2026", the report's data end (its earliest source's), for the footer of every page.</summary>
    public static string? Through(ReportFreshness freshness, ValueFormatter format) =>
        freshness.Through is { } through ? string.Format(format.Culture, format.Text.Words["data_through"], format.Date(through)) : null;

    /// <summary>The sentence a delivery's message carries when the period runs past the data; null when it does not.</summary>
    public static string? PastData(ReportFreshness freshness, ValueFormatter format) =>
        freshness.ClippedTo is { } clipped ? string.Format(format.Culture, format.Text.Words["past_data"], format.Date(clipped)) : null;
}
