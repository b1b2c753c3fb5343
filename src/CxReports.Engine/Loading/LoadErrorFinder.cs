using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Warehouse;
using FieldKind = CxReports.Dsl.Model.FieldKind;

namespace CxReports.Engine.Loading;

/// <summary>
/// The error path of a load: names every defect of every file of a source in one run, sorted by file and physical
/// line, the first <see cref="Shown"/> with column, value and reason. A CSV file is first scanned for the records
/// that break its shape (<see cref="CsvRecords"/>): too many or too few fields, a quote never closed, text after a
/// closing quote, bytes that are not text in the declared encoding. The rows of a file without such records are
/// read again by DuckDB with record numbers; those of a file with some are copied, each with its physical line,
/// to a clean work file DuckDB reads instead (DuckDB would stop at the first bad record, or skip it and lose
/// count). Every broken rule of every row is then found by one set-based query.
/// </summary>
public sealed class LoadErrorFinder(DuckDbWarehouse warehouse, StagingSql staging, IReadOnlyList<string> files, string dataRoot,
    IReadOnlyList<string>? shownNames = null, string? workDirectory = null)
{
    public const int Shown = 100;

    /// <summary>Longest value quoted in a message; longer ones are cut, with the full length said.</summary>
    public const int ShownValueLength = 60;

    private const string CheckTable = "_cxr_check";
    private readonly HashSet<int> _recordIsLine = [];
    private readonly List<Located> _shape = [];
    private long _shapeTotal;

    private sealed record Located(int File, int Line, int Column, Diagnostic Diagnostic);

    public (IReadOnlyList<Diagnostic> Diagnostics, long Total) Find(IReadOnlyDictionary<string, SemanticKey> linkTargets)
    {
        var source = staging.Source;
        var created = false;
        var workFiles = new List<string>();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                string? reader = null;
                if (source.Format is SourceFormat.Csv or SourceFormat.Tsv && !CheckShape(i, workFiles, out reader)) continue;
                var rows = source.Format is SourceFormat.Csv or SourceFormat.Tsv && _recordIsLine.Contains(i)
                    ? $"SELECT {i} AS file_index, _cxr_line AS rec, * FROM (SELECT _cxr_line, {staging.TextColumns} FROM {reader})"
                    : $"SELECT {i} AS file_index, row_number() OVER () AS rec, * FROM (SELECT {staging.TextColumns} " +
                      $"FROM {reader ?? ReaderSql.AsText(source, [files[i]], staging.Fields.Select(f => f.Field.FileColumn).ToArray())})";
                var select = $"SELECT file_index, rec, {string.Join(", ", staging.Fields.Select(f => f.Text))} FROM ({rows})";
                warehouse.Execute(created ? $"INSERT INTO {CheckTable} {select}" : $"CREATE OR REPLACE TEMP TABLE {CheckTable} AS {select}");
                created = true;
            }
            var (values, valueTotal) = created ? ValueProblems(linkTargets) : ([], 0);
            var total = _shapeTotal + valueTotal;
            var shown = _shape.Concat(values).OrderBy(p => p.File).ThenBy(p => p.Line).ThenBy(p => p.Column)
                .Take(Shown).Select(p => p.Diagnostic).ToList();
            if (total > shown.Count)
                shown.Add(new Diagnostic(LoadCodes.TooManyErrors, new SourceSpan(DisplayName(0), 0, 1, 1, 0),
                    $"source '{source.Name}': {total} errors in all, the first {shown.Count} shown"));
            return (shown, total);
        }
        finally
        {
            warehouse.Execute($"DROP TABLE IF EXISTS {CheckTable}");
            foreach (var work in workFiles) File.Delete(work);
        }
    }

    /// <summary>
    /// Scans file <paramref name="index"/> for records that break its shape, and returns false when DuckDB cannot read
    /// it at all (not text in its encoding). With such records, its good rows are copied to a work file with their
    /// lines, and <paramref name="reader"/> reads that; otherwise it is null (the file is read as it is).
    /// </summary>
    private bool CheckShape(int index, List<string> workFiles, out string? reader)
    {
        reader = null;
        var source = staging.Source;
        var file = files[index];
        if (FileEncodings.Name(source) == FileEncodings.Default && FileEncodings.FirstInvalidUtf8(file) is var (line, column, value))
        {
            AddShape(index, line, column, LoadCodes.BadEncoding, $"source '{source.Name}': {EncodingProblem(value, "utf-8")}");
            return false;
        }
        if (CsvHeader.Read(file, source) is not { } header) return true;
        var expected = header.Columns.Count;
        if (!CsvRecords.Read(file, source).Any(r => r.Line > header.Line && CsvRecords.ShapeProblem(r, expected, source, out _) is not null))
            return true;

        Directory.CreateDirectory(WorkDirectory);
        var work = Path.Combine(WorkDirectory, $"check-{Guid.NewGuid():N}.csv");
        workFiles.Add(work);
        var nullText = source.Options.Null;
        using (var writer = new StreamWriter(work, false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            foreach (var record in CsvRecords.Read(file, source, values: true))
            {
                if (record.Line <= header.Line && ReaderSql.HasHeader(source)) continue;
                if (record.Blank && expected != 1) continue; // DuckDB skips blank lines, except in a file of one column
                if (CsvRecords.ShapeProblem(record, expected, source, out var at) is { } problem)
                {
                    AddShape(index, record.Line, at, LoadCodes.Malformed, $"source '{source.Name}': {problem}{ShapeValue(record, expected, at)}");
                    continue;
                }
                writer.Write(record.Line);
                foreach (var v in record.Values!)
                    writer.Write(v == nullText ? "," : ",\"" + v.Replace("\"", "\"\"") + "\"");
                writer.Write('\n');
            }
        }
        _recordIsLine.Add(index);
        reader = $"read_csv({ReaderSql.FileLiteral(work)}, auto_detect = false, header = false, delim = ',', quote = '\"', escape = '\"', " +
                 "columns = {'_cxr_line': 'BIGINT', " + string.Join(", ", header.Columns.Select(c => $"{Sql.Literal(c)}: 'VARCHAR'")) + "})";
        return true;
    }

    /// <summary>What a malformed record holds where it goes wrong: the extra values, the last one it has, or the open value.</summary>
    private string ShapeValue(CsvRecord record, int expected, int column)
    {
        var values = record.Values!;
        var delimiter = ReaderSql.Delimiter(staging.Source).ToString();
        if (record.Bytes > CsvRecords.MaxRecordBytes)
        {
            var start = string.Join(delimiter, values);
            return $"; it starts '{Cut(start[..Math.Min(start.Length, ShownValueLength)])}...'";
        }
        var text = record.Problem is not null ? values[Math.Min(column, values.Count) - 1]
            : values.Count > expected ? string.Join(delimiter, values.Skip(expected))
            : string.Join(delimiter, values);
        var what = record.Problem is not null ? "the value reads" : values.Count > expected ? "the extra text is" : "the line reads";
        return $"; {what} '{Cut(text)}'";
    }

    private void AddShape(int file, int line, int column, Dsl.Diagnostics.DiagnosticCode code, string message)
    {
        _shapeTotal++;
        // Files are scanned in order and each from its first line: the first Shown found are the first Shown sorted.
        if (_shape.Count < Shown)
            _shape.Add(new Located(file, line, column, new Diagnostic(code, new SourceSpan(DisplayName(file), 0, line, column, 0), message)));
    }

    /// <summary>Why a byte is not text in an encoding, with the byte in hex.</summary>
    public static string EncodingProblem(byte value, string encoding) =>
        $"byte 0x{value:X2} is not valid {encoding}; the file is not {encoding} text" +
        (encoding == "utf-8" ? " (declare its encoding: options { encoding \"windows-1254\" }, or \"iso-8859-9\", \"latin-1\", \"utf-16\")" : "");

    /// <summary>A value as quoted in a message: line breaks shown as \n, cut after <see cref="ShownValueLength"/> characters.</summary>
    public static string Cut(string value)
    {
        var shown = value.Replace("\r", "\\r").Replace("\n", "\\n");
        return shown.Length <= ShownValueLength ? shown : $"{shown[..ShownValueLength]}... ({value.Length} characters)";
    }

    private string WorkDirectory => workDirectory ?? Path.Combine(Path.GetTempPath(), "cxr-load-work");

    /// <summary>Every broken rule of the rows in the check table, counted, and the first <see cref="Shown"/> located.</summary>
    private (List<Located> Problems, long Total) ValueProblems(IReadOnlyDictionary<string, SemanticKey> linkTargets)
    {
        var problems = Problems(linkTargets).ToArray();
        if (problems.Length == 0) return ([], 0);
        var all = string.Join(" UNION ALL ", problems);
        var total = warehouse.Scalar<long>($"SELECT count(*) FROM ({all})");
        if (total == 0) return ([], 0);
        var rows = warehouse.Query(
            $"SELECT file_index, rec, field, code, value, reason, first_file, first_rec FROM ({all}) " +
            $"ORDER BY file_index, rec, field LIMIT {Shown}",
            r => new Problem((int)r.GetInt64(0), r.GetInt64(1), (int)r.GetInt64(2), r.GetString(3),
                r.IsDBNull(4) ? "" : r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : (int)r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7)));
        return (Describe(rows), total);
    }

    private sealed record Problem(int File, long Record, int Field, string Code, string Value, string Reason, int? FirstFile, long? FirstRecord);

    private IEnumerable<string> Problems(IReadOnlyDictionary<string, SemanticKey> linkTargets)
    {
        const string noFirst = "CAST(NULL AS BIGINT) AS first_file, CAST(NULL AS BIGINT) AS first_rec";
        foreach (var field in staging.Fields)
        {
            foreach (var (code, condition, reason) in field.Checks())
                yield return $"SELECT file_index, rec, {field.Index} AS field, {Sql.Literal(code.Id)} AS code, {field.Text} AS value, " +
                             $"{Sql.Literal(reason)} AS reason, {noFirst} FROM {CheckTable} WHERE coalesce({condition}, false)";

            if (field.Field.Kind == FieldKind.Key)
                yield return $"SELECT file_index, rec, {field.Index}, {Sql.Literal(LoadCodes.DuplicateKey.Id)}, {field.Text}, 'duplicate key', " +
                             $"first_file, first_rec FROM (SELECT *, first_value(file_index) OVER w AS first_file, first_value(rec) OVER w AS first_rec, " +
                             $"row_number() OVER w AS n FROM {CheckTable} WHERE {field.Converted} IS NOT NULL " +
                             $"WINDOW w AS (PARTITION BY {field.Converted} ORDER BY file_index, rec)) WHERE n > 1";

            if (field.Field is { Kind: FieldKind.Link, Required: true, LinkTarget: { } target } && linkTargets.TryGetValue(target, out var key))
                yield return $"SELECT file_index, rec, {field.Index}, {Sql.Literal(LoadCodes.NoLinkMatch.Id)}, {field.Text}, " +
                             $"{Sql.Literal($"no '{target}' has this key, and the link is required")}, {noFirst} FROM {CheckTable} " +
                             $"WHERE {field.Converted} IS NOT NULL AND {field.Converted} NOT IN (SELECT {Sql.Identifier(key.Column)} FROM {Sql.Identifier(key.Table)})";
        }
    }

    private List<Located> Describe(IReadOnlyList<Problem> problems)
    {
        var lines = new Dictionary<int, IReadOnlyDictionary<long, int>>();
        foreach (var byFile in problems.GroupBy(p => p.File))
        {
            var records = byFile.Select(p => p.Record).Concat(byFile.Where(p => p.FirstFile == byFile.Key).Select(p => p.FirstRecord!.Value)).ToHashSet();
            lines[byFile.Key] = LineNumbers(byFile.Key, records);
        }
        foreach (var first in problems.Where(p => p.FirstFile is { } f && !lines.ContainsKey(f)).GroupBy(p => p.FirstFile!.Value))
            lines[first.Key] = LineNumbers(first.Key, first.Select(p => p.FirstRecord!.Value).ToHashSet());

        var columns = new Dictionary<int, IReadOnlyList<string>>();
        var located = new List<Located>();
        foreach (var p in problems)
        {
            var field = staging.Fields[p.Field].Field;
            var line = lines[p.File].TryGetValue(p.Record, out var l) ? l : (int)p.Record;
            if (!columns.TryGetValue(p.File, out var fileColumns)) columns[p.File] = fileColumns = FileColumns(files[p.File]);
            var column = Math.Max(1, fileColumns.ToList().IndexOf(field.FileColumn) + 1);
            var reason = p.FirstFile is { } ff && p.FirstRecord is { } fr
                ? $"{p.Reason}, first seen on line {(lines.TryGetValue(ff, out var m) && m.TryGetValue(fr, out var fl) ? fl : fr)}" +
                  (ff != p.File ? $" of {DisplayName(ff)}" : "")
                : p.Reason;
            var message = p.Code == LoadCodes.Blank.Id
                ? $"column '{field.FileColumn}' is {reason}"
                : $"column '{field.FileColumn}' value '{Cut(p.Value)}': {reason}";
            located.Add(new Located(p.File, line, column, new Diagnostic(LoadCodes.All.First(c => c.Id == p.Code),
                new SourceSpan(DisplayName(p.File), 0, line, column, 0), message)));
        }
        return located;
    }

    /// <summary>The physical line of each record of file <paramref name="index"/>; a work file's records are lines already.</summary>
    private IReadOnlyDictionary<long, int> LineNumbers(int index, IReadOnlyCollection<long> records)
    {
        var source = staging.Source;
        var file = files[index];
        if (_recordIsLine.Contains(index)) return records.ToDictionary(r => r, r => (int)r);
        return source.Format switch
        {
            SourceFormat.Csv or SourceFormat.Tsv => PhysicalLines.OfCsv(file, records, source),
            SourceFormat.Json or SourceFormat.Ndjson => PhysicalLines.OfJson(file, records),
            _ => records.ToDictionary(r => r, r => (int)r), // Parquet has rows, not lines: the row number stands for the line
        };
    }

    /// <summary>The file's columns in order, for the column number of a diagnostic.</summary>
    private IReadOnlyList<string> FileColumns(string file) =>
        staging.Source.Format is SourceFormat.Csv or SourceFormat.Tsv
            ? CsvHeader.Read(file, staging.Source)?.Columns ?? []
            : warehouse.Query($"DESCRIBE SELECT * FROM {ReaderSql.AsText(staging.Source, [file])}", r => r.GetString(0));

    /// <summary>How file <paramref name="index"/> is named in messages: relative to the data, and the original of a transcoded copy.</summary>
    private string DisplayName(int index) => shownNames?[index] ?? Path.GetRelativePath(dataRoot, files[index]);
}
