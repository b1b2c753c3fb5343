using System.Globalization;

namespace CxReports.Demo.Simulation;

/// <summary>
/// Field formatting and RFC 4180 quoting shared by the file writers. Everything goes through the invariant culture;
/// the Turkish-style files get their decimal commas here explicitly, never from the host's culture.
/// </summary>
internal static class CsvText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes one record and the writer's newline; fields that need it are quoted.</summary>
    public static void WriteRow(TextWriter writer, char delimiter, params ReadOnlySpan<string?> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) writer.Write(delimiter);
            WriteField(writer, delimiter, fields[i]);
        }
        writer.WriteLine();
    }

    /// <summary>RFC 4180: a field holding the delimiter, a quote or a line break is quoted, its quotes doubled.</summary>
    public static void WriteField(TextWriter writer, char delimiter, string? field)
    {
        if (!string.IsNullOrEmpty(field)) writer.Write(CxReports.Engine.Loading.CsvField.Escape(field, delimiter));
    }

    /// <summary><c>1234,50</c>: decimal comma, two decimals, no thousands separator (as the brief's exports use).</summary>
    public static string DecimalComma(decimal value) => value.ToString("0.00", Inv).Replace('.', ',');

    /// <summary><c>1234.50</c>.</summary>
    public static string DecimalPoint(decimal value) => value.ToString("0.00", Inv);

    public static string Int(int value) => value.ToString(Inv);

    /// <summary><c>31.03.2025</c>.</summary>
    public static string DayMonthYear(DateOnly date) => date.ToString("dd.MM.yyyy", Inv);

    /// <summary><c>2025-03-31</c>.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    /// <summary>An Istanbul wall-clock moment with its offset: <c>2025-03-31T23:30:00+03:00</c>.</summary>
    public static string IstanbulTimestamp(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm:ss", Inv) + "+03:00";

    /// <summary>The same instant in UTC: <c>2025-03-31T20:30:00Z</c>.</summary>
    public static string UtcTimestamp(DateTime local) =>
        (local - DemoCalendar.IstanbulOffset).ToString("yyyy-MM-dd'T'HH:mm:ss", Inv) + "Z";

    public static decimal Money(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
