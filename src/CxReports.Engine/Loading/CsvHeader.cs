using CxReports.Dsl.Model;

namespace CxReports.Engine.Loading;

/// <summary>
/// The columns of a CSV file, read by the loader itself rather than guessed by DuckDB's sniffer: the names on its
/// first record after the skipped lines (or <c>column0</c>, <c>column1</c>, ... when the source says
/// <c>header false</c>), and the physical line they are on. DuckDB then reads the file with exactly these columns
/// and nothing detected, so a file's rows, and the lines named in errors, are the file's.
/// </summary>
public sealed record CsvHeader(IReadOnlyList<string> Columns, int Line)
{
    /// <summary>The header of <paramref name="file"/>; null when it has no record at all (only blank lines).</summary>
    public static CsvHeader? Read(string file, SourceModel source)
    {
        foreach (var record in CsvRecords.Read(file, source, values: true))
        {
            if (record.Blank) continue;
            var values = record.Values!;
            return ReaderSql.HasHeader(source)
                ? new CsvHeader(values, record.Line)
                : new CsvHeader(Enumerable.Range(0, values.Count).Select(i => $"column{i}").ToArray(), record.Line);
        }
        return null;
    }

    /// <summary>
    /// Why these names cannot be read by name: a column with no name, or two columns of the same name (which one
    /// would a field read?). Names are compared ignoring case, as DuckDB's are; each problem names both columns.
    /// </summary>
    public IEnumerable<(int Column, string Problem)> NameProblems()
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Columns.Count; i++)
        {
            var name = Columns[i];
            if (name.Trim().Length == 0)
                yield return (i + 1, $"column {i + 1} of the header has no name");
            else if (!seen.TryAdd(name, i + 1))
                yield return (i + 1, Columns[seen[name] - 1] == name
                    ? $"columns {seen[name]} and {i + 1} of the header are both named '{name}'"
                    : $"columns {seen[name]} and {i + 1} of the header are named '{Columns[seen[name] - 1]}' and '{name}', the same name but for case");
        }
    }
}
