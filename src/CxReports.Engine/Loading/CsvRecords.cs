using CxReports.Dsl.Binding.Model;

namespace CxReports.Engine.Loading;

/// <summary>
/// One record of a CSV file: the physical line it starts on, its number of fields, whether it is a blank line,
/// and how it is malformed, if it is.
/// </summary>
public readonly record struct CsvRecord(int Line, int Fields, bool Blank, string? Problem);

/// <summary>
/// Splits a CSV file into records the way DuckDB's reader does, without reading the values: a quote opens a quoted
/// value only at the start of a field (<c>24" monitor</c> is plain text), the escape character (by default the
/// quote itself, <c>""</c>) keeps a quote inside one, and line breaks inside quotes belong to the record. Only the
/// error path pays for this scan: to name physical lines, and to say what is wrong with a file DuckDB refuses.
/// </summary>
public static class CsvRecords
{
    private enum State { FieldStart, Unquoted, Quoted, Escaped, QuoteSeen }

    public static IEnumerable<CsvRecord> Read(string file, SourceModel source)
    {
        var delimiter = ReaderSql.Delimiter(source);
        var quote = ReaderSql.Quote(source);
        var escape = ReaderSql.Escape(source);
        using var reader = new StreamReader(file, ReaderSql.TextEncoding(source), detectEncodingFromByteOrderMarks: true);
        var line = 1;
        int c;
        // DuckDB's skip counts physical lines, before any quote is looked at.
        while (line <= ReaderSql.SkippedLines(source) && (c = reader.Read()) >= 0)
            if (c == '\n') line++;

        var start = line;
        var fields = 1;
        var blank = true;
        string? problem = null;
        var state = State.FieldStart;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\r') continue;
            if (state is State.Quoted or State.Escaped)
            {
                if (c == '\n') line++;
                state = state == State.Escaped ? State.Quoted
                    : c == escape && escape != quote ? State.Escaped
                    : c == quote ? State.QuoteSeen
                    : State.Quoted;
                continue;
            }
            if (state == State.QuoteSeen && c == quote && escape == quote)
            {
                state = State.Quoted; // "" inside a quoted value
                continue;
            }
            if (c == '\n')
            {
                yield return new CsvRecord(start, fields, blank, problem);
                line++;
                (start, fields, blank, problem, state) = (line, 1, true, null, State.FieldStart);
                continue;
            }
            blank = false;
            if (state == State.QuoteSeen && c != delimiter)
                problem ??= $"a quoted value is followed by more text before the next '{Show(delimiter)}' (a quote inside quotes is written twice: \"\")";
            state = c == delimiter ? State.FieldStart
                : state == State.FieldStart && c == quote ? State.Quoted
                : State.Unquoted;
            if (c == delimiter) fields++;
        }
        if (state is State.Quoted or State.Escaped)
            yield return new CsvRecord(start, fields, false, $"the quoted value that starts on line {start} is never closed");
        else if (!blank)
            yield return new CsvRecord(start, fields, false, problem);
    }

    /// <summary>
    /// The first record that breaks the file's shape: not as many fields as the header (or first line), a quoted
    /// value never closed, or text after a closing quote. Null when the shape is fine.
    /// </summary>
    public static (int Line, string Reason)? FirstMalformed(string file, SourceModel source)
    {
        int? expected = null;
        foreach (var record in Read(file, source))
        {
            if (record.Problem is { } problem) return (record.Line, problem);
            if (record.Blank) continue; // DuckDB skips blank lines (or, in a file of one column, reads them as blanks)
            if (expected is null)
            {
                expected = record.Fields;
                continue;
            }
            if (record.Fields != expected)
                return (record.Line, $"the line has {record.Fields} field{(record.Fields == 1 ? "" : "s")} but the " +
                                     $"{(ReaderSql.HasHeader(source) ? "header" : "first line")} has {expected} " +
                                     $"(fields are separated by '{Show(ReaderSql.Delimiter(source))}')");
        }
        return null;
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();
}
