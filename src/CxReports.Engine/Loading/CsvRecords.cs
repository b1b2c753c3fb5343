using System.Text;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Loading;

/// <summary>
/// One record of a CSV file: the physical line it starts on, its number of fields, whether it is a blank line, how
/// it is malformed (if it is) and in which field (1-based), its length in UTF-8 bytes (without the line break), and
/// its field values when they were asked for (each cut after <see cref="CsvRecords.MaxRecordBytes"/> characters).
/// </summary>
public readonly record struct CsvRecord(int Line, int Fields, bool Blank, string? Problem, int ProblemField, long Bytes, IReadOnlyList<string>? Values);

/// <summary>
/// Splits a CSV file into records the way DuckDB's reader does: a quote opens a quoted value only at the start of
/// a field (<c>24" monitor</c> is plain text), the escape character (by default the quote itself, <c>""</c>) keeps a
/// quote inside one, and line breaks inside quotes belong to the record. Only the error path and the header read
/// pay for this scan: to name physical lines, to find every record that breaks the file's shape, and to read the
/// values of the records around them.
/// </summary>
public static class CsvRecords
{
    private enum State { FieldStart, Unquoted, Quoted, Escaped, QuoteSeen }

    /// <summary>
    /// The longest record DuckDB reads (its <c>max_line_size</c>, 2,000,000 bytes); a longer one is a broken export
    /// (a missing line break, a quote never closed), named by its line, not read.
    /// </summary>
    public const long MaxRecordBytes = 2_000_000;

    /// <summary>The records of <paramref name="file"/>, after the skipped lines; with their values when <paramref name="values"/>.</summary>
    public static IEnumerable<CsvRecord> Read(string file, SourceModel source, bool values = false)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var record in Read(stream, source, values)) yield return record;
    }

    private static IEnumerable<CsvRecord> Read(Stream stream, SourceModel source, bool values)
    {
        var delimiter = ReaderSql.Delimiter(source);
        var quote = ReaderSql.Quote(source);
        var escape = ReaderSql.Escape(source);
        using var reader = new StreamReader(stream, FileEncodings.Of(source), detectEncodingFromByteOrderMarks: true);
        var line = 1;
        int c;
        // DuckDB's skip counts physical lines, before any quote is looked at.
        while (line <= ReaderSql.SkippedLines(source) && (c = reader.Read()) >= 0)
            if (c == '\n') line++;

        var start = line;
        var fields = 1;
        var blank = true;
        string? problem = null;
        var problemField = 0;
        long bytes = 0;
        var state = State.FieldStart;
        var value = new StringBuilder();
        var row = values ? new List<string>() : null;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\r') continue;
            if (c != '\n' || state is State.Quoted or State.Escaped) bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate((char)c) ? 2 : 3;
            if (state is State.Quoted or State.Escaped)
            {
                if (c == '\n') line++;
                var next = state == State.Escaped ? State.Quoted
                    : c == escape && escape != quote ? State.Escaped
                    : c == quote ? State.QuoteSeen
                    : State.Quoted;
                if (row is not null && next == State.Quoted && value.Length <= MaxRecordBytes) value.Append((char)c);
                state = next;
                continue;
            }
            if (state == State.QuoteSeen && c == quote && escape == quote)
            {
                value.Append((char)quote);
                state = State.Quoted; // "" inside a quoted value
                continue;
            }
            if (c == '\n')
            {
                row?.Add(value.ToString());
                yield return new CsvRecord(start, fields, blank, problem, problemField, bytes, row?.ToArray());
                line++;
                (start, fields, blank, problem, problemField, bytes, state) = (line, 1, true, null, 0, 0, State.FieldStart);
                value.Clear();
                row?.Clear();
                continue;
            }
            blank = false;
            if (state == State.QuoteSeen && c != delimiter && problem is null)
            {
                problem = $"a quoted value is followed by more text before the next '{Show(delimiter)}' (a quote inside quotes is written twice: \"\")";
                problemField = fields;
            }
            if (c == delimiter)
            {
                row?.Add(value.ToString());
                value.Clear();
                fields++;
                state = State.FieldStart;
                continue;
            }
            if (state == State.FieldStart && c == quote)
            {
                state = State.Quoted;
                continue;
            }
            if (row is not null && value.Length <= MaxRecordBytes) value.Append((char)c);
            state = State.Unquoted;
        }
        row?.Add(value.ToString());
        if (state is State.Quoted or State.Escaped)
            yield return new CsvRecord(start, fields, false, $"the quoted value that starts on line {start} is never closed", fields, bytes, row?.ToArray());
        else if (!blank)
            yield return new CsvRecord(start, fields, false, problem, problemField, bytes, row?.ToArray());
    }

    /// <summary>
    /// How a record breaks the file's shape, or null: longer than <see cref="MaxRecordBytes"/>, a quoted value never
    /// closed, text after a closing quote, or not as many fields as the header (or first line) has
    /// (<paramref name="expected"/>). <paramref name="column"/> is where it goes wrong.
    /// </summary>
    public static string? ShapeProblem(CsvRecord record, int expected, SourceModel source, out int column)
    {
        column = 1;
        if (record.Bytes > MaxRecordBytes)
            return $"the record is {record.Bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes long, " +
                   $"more than the {MaxRecordBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} a record may have (a line break or closing quote missing?)";
        column = record.ProblemField;
        if (record.Problem is { } problem) return problem;
        column = Math.Min(record.Fields, expected) + 1;
        return record.Blank || record.Fields == expected ? null
            : $"the line has {record.Fields} field{(record.Fields == 1 ? "" : "s")} but the " +
              $"{(ReaderSql.HasHeader(source) ? "header" : "first line")} has {expected} (fields are separated by '{Show(ReaderSql.Delimiter(source))}')";
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();
}
