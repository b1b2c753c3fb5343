using System.Text;

namespace CxReports.Engine.Loading;

/// <summary>
/// Maps record numbers of a CSV file (1 = first data record) to the physical line each starts on, as DuckDB reads
/// it: skipped lines and the header come first, blank lines are no records, and a quoted field may span lines.
/// Only the error path pays for this scan.
/// </summary>
public static class PhysicalLines
{
    public static IReadOnlyDictionary<long, int> Of(string file, IReadOnlyCollection<long> records, char quote, bool header, int skip, Encoding? encoding = null)
    {
        var wanted = new HashSet<long>(records);
        var found = new Dictionary<long, int>();
        if (wanted.Count == 0) return found;

        using var reader = new StreamReader(file, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 1;
        long record = header ? -1 : 0; // the header is record 0, not counted
        var inQuotes = false;
        var recordStartLine = 1;
        var recordHasText = false;
        var skipped = 0;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (skipped < skip)
            {
                if (c == '\n') { skipped++; line++; recordStartLine = line; }
                continue;
            }
            if (c == quote) inQuotes = !inQuotes;
            if (c == '\r') continue;
            if (c == '\n' && !inQuotes)
            {
                if (recordHasText && EndRecord(++record, recordStartLine, wanted, found)) return found;
                line++;
                recordStartLine = line;
                recordHasText = false;
                continue;
            }
            if (c == '\n') line++;
            else recordHasText = true;
        }
        if (recordHasText) EndRecord(++record, recordStartLine, wanted, found);
        return found;
    }

    /// <summary>Notes the record's line if wanted; true once every wanted record is found.</summary>
    private static bool EndRecord(long record, int startLine, HashSet<long> wanted, Dictionary<long, int> found)
    {
        if (record >= 1 && wanted.Contains(record)) found[record] = startLine;
        return found.Count == wanted.Count;
    }
}
