using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Engine.Warehouse;
using FieldKind = CxReports.Dsl.Binding.Model.FieldKind;

namespace CxReports.Engine.Loading;

/// <summary>
/// The error path of a load: reads the files again as text with record numbers, finds every broken rule in one
/// set-based query, and names the first <see cref="Shown"/> by file, physical line, column and value.
/// </summary>
public sealed class LoadErrorFinder(DuckDbWarehouse warehouse, StagingSql staging, IReadOnlyList<string> files, string dataRoot)
{
    public const int Shown = 100;
    private const string CheckTable = "_cxr_check";

    public (IReadOnlyList<Diagnostic> Diagnostics, long Total) Find(IReadOnlyDictionary<string, SemanticKey> linkTargets)
    {
        var source = staging.Source;
        for (var i = 0; i < files.Count; i++)
        {
            var select = $"SELECT {i} AS file_index, row_number() OVER () AS rec, * FROM (SELECT {staging.TextColumns} " +
                         $"FROM {ReaderSql.AsText(source, [files[i]], staging.Fields.Select(f => f.Field.FileColumn).ToArray())})";
            warehouse.Execute(i == 0 ? $"CREATE OR REPLACE TEMP TABLE {CheckTable} AS {select}" : $"INSERT INTO {CheckTable} {select}");
        }
        try
        {
            var problems = string.Join(" UNION ALL ", Problems(linkTargets));
            var total = warehouse.Scalar<long>($"SELECT count(*) FROM ({problems})");
            var rows = warehouse.Query(
                $"SELECT file_index, rec, field, code, value, reason, first_file, first_rec FROM ({problems}) " +
                $"ORDER BY file_index, rec, field LIMIT {Shown}",
                r => new Problem((int)r.GetInt64(0), r.GetInt64(1), (int)r.GetInt64(2), r.GetString(3),
                    r.IsDBNull(4) ? "" : r.GetString(4), r.GetString(5),
                    r.IsDBNull(6) ? null : (int)r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7)));
            return (Describe(rows, total), total);
        }
        finally
        {
            warehouse.Execute($"DROP TABLE IF EXISTS {CheckTable}");
        }
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

    private List<Diagnostic> Describe(IReadOnlyList<Problem> problems, long total)
    {
        var source = staging.Source;
        var lines = new Dictionary<int, IReadOnlyDictionary<long, int>>();
        foreach (var byFile in problems.GroupBy(p => p.File))
        {
            var records = byFile.Select(p => p.Record).Concat(byFile.Where(p => p.FirstFile == byFile.Key).Select(p => p.FirstRecord!.Value)).ToHashSet();
            lines[byFile.Key] = LineNumbers(files[byFile.Key], records);
        }
        foreach (var first in problems.Where(p => p.FirstFile is { } f && !lines.ContainsKey(f)).GroupBy(p => p.FirstFile!.Value))
            lines[first.Key] = LineNumbers(files[first.Key], first.Select(p => p.FirstRecord!.Value).ToHashSet());

        var columns = files.Select(FileColumns).ToArray();
        var diagnostics = new List<Diagnostic>();
        foreach (var p in problems)
        {
            var field = staging.Fields[p.Field].Field;
            var line = lines[p.File].TryGetValue(p.Record, out var l) ? l : (int)p.Record;
            var column = Array.IndexOf(columns[p.File], field.FileColumn) + 1;
            var reason = p.FirstFile is { } ff && p.FirstRecord is { } fr
                ? $"{p.Reason}, first seen on line {(lines.TryGetValue(ff, out var m) && m.TryGetValue(fr, out var fl) ? fl : fr)}" +
                  (ff != p.File ? $" of {DisplayName(files[ff])}" : "")
                : p.Reason;
            var message = p.Code == LoadCodes.Blank.Id
                ? $"column '{field.FileColumn}' is {reason}"
                : $"column '{field.FileColumn}' value '{p.Value}': {reason}";
            diagnostics.Add(new Diagnostic(LoadCodes.All.First(c => c.Id == p.Code),
                new SourceSpan(DisplayName(files[p.File]), 0, line, Math.Max(1, column), 0), message));
        }
        if (total > problems.Count)
            diagnostics.Add(new Diagnostic(LoadCodes.TooManyErrors, new SourceSpan(DisplayName(files[0]), 0, 1, 1, 0),
                $"source '{source.Name}': {total} errors in all, the first {problems.Count} shown"));
        return diagnostics;
    }

    private IReadOnlyDictionary<long, int> LineNumbers(string file, IReadOnlyCollection<long> records)
    {
        var source = staging.Source;
        return source.Format switch
        {
            Dsl.Binding.Model.SourceFormat.Csv or Dsl.Binding.Model.SourceFormat.Tsv => PhysicalLines.OfCsv(file, records, source),
            Dsl.Binding.Model.SourceFormat.Json or Dsl.Binding.Model.SourceFormat.Ndjson => PhysicalLines.OfJson(file, records),
            _ => records.ToDictionary(r => r, r => (int)r), // Parquet has rows, not lines: the row number stands for the line
        };
    }

    /// <summary>The file's columns in order, for the column number of a diagnostic.</summary>
    private string[] FileColumns(string file) =>
        warehouse.Query($"DESCRIBE SELECT * FROM {ReaderSql.AsText(staging.Source, [file])}", r => r.GetString(0)).ToArray();

    private string DisplayName(string file) => Path.GetRelativePath(dataRoot, file);
}
