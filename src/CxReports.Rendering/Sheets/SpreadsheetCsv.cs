using System.Globalization;
using System.Text;
using CxReports.Engine.Loading;

namespace CxReports.Rendering.Sheets;

/// <summary>
/// One table as CSV that a spreadsheet opens in the report's locale: RFC 4180 quoting and CRLF line ends; fields
/// separated by ';' where the decimal separator is a comma (tr-TR, de-DE: Excel splits on the list separator, which
/// those locales set to ';'), by ',' otherwise; numbers with the locale's decimal separator and no thousands
/// separator, as many decimals as the page shows; dates ISO (yyyy-MM-dd, which Excel reads as a date under every
/// locale); empty for undefined. Written with a UTF-8 byte order mark, without which Excel reads the file in the
/// machine's ANSI code page and "Müşteri" becomes "MÃ¼ÅŸteri".
/// </summary>
public static class SpreadsheetCsv
{
    public static readonly string ContentType = "text/csv; charset=utf-8";

    public static byte[] Bytes(SheetTable table, CultureInfo culture)
    {
        var text = new StringWriter();
        Write(text, table, culture);
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The separator between fields for a locale: ';' where numbers have a decimal comma, ',' otherwise.</summary>
    public static char Separator(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

    /// <summary>The table without a byte order mark (for a terminal or a pipe).</summary>
    public static void Write(TextWriter output, SheetTable table, CultureInfo culture)
    {
        var separator = Separator(culture);
        output.Write(string.Join(separator, table.Columns.Select(c => CsvField.Escape(c.Header, separator))) + "\r\n");
        foreach (var row in table.Rows)
            output.Write(string.Join(separator, row.Select(cell => CsvField.Escape(Text(cell, culture), separator))) + "\r\n");
    }

    private static string Text(SheetCell cell, CultureInfo culture) => cell.Value switch
    {
        null => "",
        double d => d.ToString("F" + cell.Decimals, culture).Replace('\u2212', '-'),
        long l => l.ToString(culture).Replace('\u2212', '-'),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Inert(s),
        var other => Inert(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>
    /// Text that a spreadsheet would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, as
    /// OWASP advises against CSV injection: a customer's comment "=HYPERLINK(...)" must stay text.
    /// </summary>
    private static string Inert(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
