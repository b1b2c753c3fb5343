using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// The DuckDB table function that reads a source's files: <c>read_csv</c>, <c>read_json</c> or <c>read_parquet</c>
/// with the source's options. <see cref="AsText"/> reads every column as text so that conversion, and its
/// errors, are ours; <see cref="Detected"/> lets DuckDB detect types for sources that declare no columns.
/// </summary>
public static class ReaderSql
{
    /// <summary>
    /// The files read with every column as text. A CSV file is read with the columns of its own header
    /// (<see cref="CsvHeader"/>) and nothing left to DuckDB's sniffer, each file by itself, and only
    /// <paramref name="columns"/> are kept (all of them when null), so files of a glob may order them differently.
    /// </summary>
    public static string AsText(SourceModel source, IReadOnlyList<string> files, IReadOnlyList<string>? columns = null) =>
        source.Format switch
        {
            SourceFormat.Csv or SourceFormat.Tsv => CsvAsText(source, files, columns),
            SourceFormat.Json or SourceFormat.Ndjson => $"read_json({Files(files)}, format = {Sql.Literal(JsonFormat(source))}"
                + (columns is null ? "" : ", columns = {" + string.Join(", ", columns.Select(c => $"{Sql.Literal(c)}: 'VARCHAR'")) + "}")
                + $"{UnionByName(files)})",
            SourceFormat.Parquet => $"read_parquet({Files(files)}{UnionByName(files)})",
            _ => throw new ArgumentOutOfRangeException(nameof(source), source.Format, "unknown format"),
        };

    private static string CsvAsText(SourceModel source, IReadOnlyList<string> files, IReadOnlyList<string>? columns)
    {
        var reads = files.Select(file =>
        {
            var header = CsvHeader.Read(file, source) ?? new CsvHeader(columns ?? [], SkippedLines(source) + 1);
            return (Header: header.Columns, Sql: CsvAsText(source, file, header));
        }).ToArray();
        if (reads.Length == 1) return reads[0].Sql;
        var kept = columns ?? reads[0].Header;
        var select = string.Join(", ", kept.Select(Sql.Identifier));
        return "(" + string.Join(" UNION ALL ", reads.Select(r => $"SELECT {select} FROM {r.Sql}")) + ")";
    }

    /// <summary>
    /// One CSV file with the columns of its header, all text, nothing detected. DuckDB skips the physical lines
    /// above the header (the skipped ones and any blank ones), or it would take a blank line for the header.
    /// </summary>
    private static string CsvAsText(SourceModel source, string file, CsvHeader header) =>
        $"read_csv({Files([file])}, auto_detect = false{CsvOptions(source, skip: header.Line - 1)}, columns = " +
        "{" + string.Join(", ", header.Columns.Select(c => $"{Sql.Literal(c)}: 'VARCHAR'")) + "})";

    public static string Detected(SourceModel source, IReadOnlyList<string> files) => source.Format switch
    {
        SourceFormat.Csv or SourceFormat.Tsv => $"read_csv({Files(files)}{CsvOptions(source)}{UnionByName(files)})",
        SourceFormat.Json or SourceFormat.Ndjson => $"read_json({Files(files)}, format = {Sql.Literal(JsonFormat(source))}{UnionByName(files)})",
        _ => $"read_parquet({Files(files)}{UnionByName(files)})",
    };

    /// <summary>Whether the file's first line names the columns (CSV option <c>header</c>, default true).</summary>
    public static bool HasHeader(SourceModel source) =>
        source.Format is not (SourceFormat.Csv or SourceFormat.Tsv) || source.Options.Header is not false;

    public static char Delimiter(SourceModel source) =>
        source.Options.Delimiter ?? (source.Format == SourceFormat.Tsv ? '\t' : ',');

    public static char Quote(SourceModel source) => source.Options.Quote ?? '"';

    /// <summary>The character that keeps a quote inside a quoted value: the quote itself (<c>""</c>) unless set.</summary>
    public static char Escape(SourceModel source) => source.Options.Escape ?? Quote(source);

    public static int SkippedLines(SourceModel source) =>
        source.Options.Skip ?? 0;

    private static string CsvOptions(SourceModel source, int? skip = null)
    {
        var options = new List<string>
        {
            $"delim = {Sql.Literal(Delimiter(source).ToString())}",
            $"quote = {Sql.Literal(Quote(source).ToString())}",
            $"header = {(HasHeader(source) ? "true" : "false")}",
            // Escape and skip are always set: left to DuckDB's sniffer, it may guess a backslash escape or skip
            // lines above a row it cannot fit (even take the last line as the header), and then the rows and the
            // physical lines named in errors are no longer the file's.
            $"escape = {Sql.Literal(Escape(source).ToString())}",
            $"skip = {skip ?? SkippedLines(source)}",
        };
        if (FileEncodings.DuckDbName(source) is { } encoding) options.Add($"encoding = {Sql.Literal(encoding)}");
        if (source.Options.Null is { } nullText) options.Add($"nullstr = {Sql.Literal(nullText)}");
        return ", " + string.Join(", ", options);
    }

    private static string JsonFormat(SourceModel source) => source.Format == SourceFormat.Ndjson ? "newline_delimited" : "auto";

    /// <summary>
    /// The exact files, as DuckDB reads them: it takes every name as a glob, so <c>a[b].csv</c> would read
    /// <c>ab.csv</c>. Each glob character becomes a one-character class (<c>[[]</c>, <c>[*]</c>, <c>[?]</c>), which
    /// matches only itself; the file read is the file that was checked and hashed.
    /// </summary>
    private static string Files(IReadOnlyList<string> files) => Sql.List(files.Select(DuckDbPath.Escaped));

    /// <summary>One exact file as a DuckDB reader's path literal (glob characters escaped; see <see cref="Files"/>).</summary>
    public static string FileLiteral(string file) => Sql.Literal(DuckDbPath.Escaped(file));

    /// <summary>Files of one glob are matched by column name, not position, so exports with reordered columns still load.</summary>
    private static string UnionByName(IReadOnlyList<string> files) => files.Count > 1 ? ", union_by_name = true" : "";
}
