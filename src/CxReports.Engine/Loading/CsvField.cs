namespace CxReports.Engine.Loading;

/// <summary>
/// RFC 4180 quoting of one field, for every CSV file cxr writes (documents and demo data): a field holding the
/// delimiter, a quote or a line break is quoted with its quotes doubled; any other is written as it is.
/// </summary>
public static class CsvField
{
    public static string Escape(string text, char delimiter) =>
        text.AsSpan().IndexOfAny([delimiter, '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
