using System.Globalization;
using CxReports.Engine.Results;

namespace CxReports.Rendering.Csv;

/// <summary>Writes a result table as RFC 4180 CSV with a header row; numbers with invariant culture, full precision.</summary>
public static class ResultTableCsv
{
    public static void Write(TextWriter output, ResultTable table)
    {
        output.Write(string.Join(",", table.Columns.Select(c => Field(c.Name))) + "\n");
        foreach (var row in table.Rows)
            output.Write(string.Join(",", row.Select(v => Field(Text(v)))) + "\n");
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
