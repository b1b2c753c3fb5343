using System.Text;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Loading;

/// <summary>
/// Maps record numbers (1 = first data record) to the physical line each starts on, as DuckDB reads the file:
/// skipped lines and the header come first, a quoted field may span lines, and blank lines are no records, except
/// in a CSV file of one column, where DuckDB reads a blank line as a record with a blank value. Only the error path
/// pays for this scan.
/// </summary>
public static class PhysicalLines
{
    public static IReadOnlyDictionary<long, int> OfCsv(string file, IReadOnlyCollection<long> records, SourceModel source)
    {
        var wanted = new HashSet<long>(records);
        var found = new Dictionary<long, int>();
        if (wanted.Count == 0) return found;

        long record = ReaderSql.HasHeader(source) ? -1 : 0; // the header is record 0, not counted
        int? columns = null;
        foreach (var r in CsvRecords.Read(file, source))
        {
            if (r.Blank && columns != 1) continue;
            columns ??= r.Fields;
            if (++record >= 1 && wanted.Contains(record) && found.TryAdd(record, r.Line) && found.Count == wanted.Count) break;
        }
        return found;
    }

    /// <summary>
    /// JSON and newline-delimited JSON: a record is an object at the top level or directly inside the top-level
    /// array, and starts on the line of its <c>{</c>. Brackets inside strings do not count.
    /// </summary>
    public static IReadOnlyDictionary<long, int> OfJson(string file, IReadOnlyCollection<long> records)
    {
        var wanted = new HashSet<long>(records);
        var found = new Dictionary<long, int>();
        if (wanted.Count == 0) return found;

        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long record = 0;
        int line = 1, depth = 0, c;
        bool inString = false, escaped = false, topIsArray = false;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n') line++;
            if (inString)
            {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    if (c == '{' && (depth == 0 || (depth == 1 && topIsArray)) &&
                        wanted.Contains(++record) && found.TryAdd(record, line) && found.Count == wanted.Count) return found;
                    if (depth == 0) topIsArray = c == '[';
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    break;
            }
        }
        return found;
    }
}
