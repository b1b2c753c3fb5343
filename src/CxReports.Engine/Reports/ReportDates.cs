using System.Globalization;

namespace CxReports.Engine.Reports;

/// <summary>
/// The dates a run may name (period bounds and date parameters, from a command line or a query string): YYYY-MM-DD
/// from 1900-01-01 to 2199-12-31. Customer data is no older and plans go no further; within these, a period, the one
/// before it and its buckets stay far from the ends of <see cref="DateOnly"/>.
/// </summary>
public static class ReportDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>The date the text names, or why it names none a run may use; <paramref name="parameter"/> is how the user wrote the name.</summary>
    public static (DateOnly? Date, string? Error) Parse(string text, string parameter, Func<string, string> quote)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"'{quote(text)}' is not a date for '{parameter}' (YYYY-MM-DD)");
        if (date < Earliest || date > Latest)
            return (null, $"{date:yyyy-MM-dd} for '{parameter}' is outside the dates a run may name ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd})");
        return (date, null);
    }
}
