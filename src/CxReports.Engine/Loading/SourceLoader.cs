using System.Diagnostics;
using CxReports.Dsl.Binding.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Engine.Warehouse;
using DuckDB.NET.Data;

namespace CxReports.Engine.Loading;

/// <summary>
/// Loads one source: finds its files, skips it when their content is unchanged, converts and checks every row in
/// DuckDB into a staging table, and publishes that in place of the live table in one transaction with its log
/// entry. Any error leaves the live table as it was and records the failure.
/// </summary>
/// <remarks>
/// Files are always read and checked by DuckDB (the warehouse's <see cref="IWarehouse.Staging"/>); on PostgreSQL
/// the staging DuckDB keeps its copy of each published table, so required links of later sources are checked there.
/// </remarks>
public sealed class SourceLoader(IWarehouse warehouse, SemanticModel model, TimeProvider time)
{
    private readonly DuckDbWarehouse _staging = warehouse.Staging;

    public LoadOutcome Load(SourceModel source, bool force, IReadOnlyDictionary<string, SemanticKey> loadedKeys)
    {
        var watch = Stopwatch.StartNew();
        var dataRoot = warehouse.Options.DataRoot;
        var (files, problem) = SourceFiles.Resolve(source, dataRoot);
        if (problem is not null) return Fail(source, [], [problem], 1, watch);

        var unusable = files.Select(f => Unusable(source, f, dataRoot)).OfType<Diagnostic>().ToArray();
        if (unusable.Length > 0) return Fail(source, files, unusable, unusable.Length, watch);

        var staging = source.DeclaresColumns ? new StagingSql(source) : null;
        var recipe = staging?.CreateStage(files) ?? $"SELECT * FROM {ReaderSql.Detected(source, files)}";
        var bytes = files.Sum(f => new FileInfo(f).Length);
        // The hash decides whether to load only when a good load could be skipped; otherwise it is needed just for
        // the log entry, and is computed on another thread while DuckDB reads the files.
        var last = force ? null : warehouse.Log.LastLoaded(source.Name);
        Task<string> hashing;
        if (last is not null && warehouse.TableExists(source.Name) && _staging.TableExists(source.Name))
        {
            var hash = ContentHash.Of(files, dataRoot, recipe);
            if (hash == last.ContentHash)
                return new LoadOutcome(source.Name, LoadStatus.Unchanged, last.Rows, files.Count, bytes, watch.Elapsed, [], 0);
            hashing = Task.FromResult(hash);
        }
        else hashing = Task.Run(() => ContentHash.Of(files, dataRoot, recipe));

        try
        {
            var stage = StagingSql.StageTable(source);
            long rows;
            if (staging is null)
            {
                _staging.Execute($"CREATE OR REPLACE TABLE {Sql.Identifier(stage)} AS {recipe}");
                rows = _staging.Scalar<long>($"SELECT count(*) FROM {Sql.Identifier(stage)}");
            }
            else
            {
                // Files of a glob are matched by column name, and one that lacks a column would read it as blank, so
                // each is checked first; a single file that lacks one fails the statement, and is checked then.
                if (files.Count > 1 && MissingColumns(staging, files) is { Length: > 0 } missing)
                    return Fail(source, files, missing, missing.Length, watch);

                LoadOutcome RowErrors()
                {
                    DropStage(source);
                    var (diagnostics, total) = new LoadErrorFinder(_staging, staging, files, dataRoot).Find(loadedKeys);
                    return Fail(source, files, diagnostics, total, watch);
                }
                try { _staging.Execute(recipe); }
                catch (DuckDBException e) when (StagingSql.IsBrokenRow(e)) { return RowErrors(); }
                var summary = _staging.Query(staging.Summary(), r => (Rows: r.GetInt64(0),
                    Duplicates: r.IsDBNull(1) ? (long?)null : r.GetInt64(1), Lowest: r.IsDBNull(2) ? (long?)null : r.GetInt64(2),
                    Highest: r.IsDBNull(3) ? (long?)null : r.GetInt64(3))).Single();
                var duplicates = summary.Duplicates
                    ?? (summary is { Lowest: { } lowest, Highest: { } highest } ? _staging.Scalar<long>(staging.KeyDuplicates(lowest, highest)) : 0);
                var linkMisses = staging.RequiredLinks(loadedKeys.ContainsKey)
                    .Sum(link => _staging.Scalar<long>(staging.LinkMisses(link, loadedKeys[link.Field.LinkTarget!])));
                if (duplicates + linkMisses > 0) return RowErrors();
                rows = summary.Rows;
            }

            var contentHash = hashing.GetAwaiter().GetResult();
            warehouse.Publish(stage, TablePlacement.Of(model, source), new LoadRecord(source.Name, FileList(files, dataRoot), contentHash, rows,
                time.GetUtcNow(), watch.ElapsedMilliseconds, "ok", null));
            return new LoadOutcome(source.Name, LoadStatus.Loaded, rows, files.Count, bytes, watch.Elapsed, [], 0);
        }
        catch (DuckDBException e)
        {
            DropStage(source);
            // A column the statement names but the file lacks is a binder error (DuckDB.NET leaves ErrorType unset here).
            if (staging is not null && e.Message.StartsWith("Binder Error", StringComparison.Ordinal) &&
                MissingColumns(staging, files) is { Length: > 0 } missing)
                return Fail(source, files, missing, missing.Length, watch);
            return Fail(source, files, [Unreadable(source, files, e, dataRoot)], 1, watch);
        }
        finally
        {
            Settle(hashing);
        }
    }

    /// <summary>Waits for the hashing, so no read of the files goes on after the load returns. A failed load does
    /// not log the hash, so a hashing error matters only to a good load, which has rethrown it already.</summary>
    private static void Settle(Task hashing)
    {
        try { hashing.Wait(); }
        catch (AggregateException) { }
    }

    /// <summary>
    /// Why DuckDB could not read the files. For CSV its sniffer often says no more than "It was not possible to
    /// automatically detect the CSV parsing dialect", so the files are first scanned for the record that breaks
    /// their shape, to name its line and what is wrong with it; anything else is reported with DuckDB's reason.
    /// </summary>
    private static Diagnostic Unreadable(SourceModel source, IReadOnlyList<string> files, DuckDBException e, string dataRoot)
    {
        if (source.Format is SourceFormat.Csv or SourceFormat.Tsv)
            foreach (var file in files)
                if (CsvRecords.FirstMalformed(file, source) is { } bad)
                    return new Diagnostic(LoadCodes.Malformed, new SourceSpan(Path.GetRelativePath(dataRoot, file), 0, bad.Line, 1, 0),
                        $"source '{source.Name}': {bad.Reason}");
        return new Diagnostic(LoadCodes.Malformed, new SourceSpan(Path.GetRelativePath(dataRoot, files[0]), 0, 1, 1, 0),
            $"source '{source.Name}': {Reason(e.Message, dataRoot)}");
    }

    /// <summary>
    /// DuckDB's reason: its first line, and after "CSV Error on Line: N" the line that says what is wrong (not the
    /// echoed record); never its list of fixes, which name SQL options, not CXR ones. Paths relative to the data.
    /// </summary>
    private static string Reason(string message, string dataRoot)
    {
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).DefaultIfEmpty("DuckDB cannot read the file").ToArray();
        var reason = lines[0].Contains("CSV Error on Line", StringComparison.Ordinal) &&
                     lines.Skip(1).FirstOrDefault(l => !l.StartsWith("Original Line:", StringComparison.Ordinal)) is { } what &&
                     !what.StartsWith("Possible fixes", StringComparison.Ordinal)
            ? $"{lines[0]}: {what}"
            : lines[0];
        return reason.Replace(dataRoot + Path.DirectorySeparatorChar, "");
    }

    /// <summary>A file that cannot be opened or has no bytes at all gets its own message, before DuckDB sees it.</summary>
    private static Diagnostic? Unusable(SourceModel source, string file, string dataRoot)
    {
        var at = new SourceSpan(Path.GetRelativePath(dataRoot, file), 0, 1, 1, 0);
        try
        {
            using var stream = File.OpenRead(file);
            return stream.Length == 0
                ? new Diagnostic(LoadCodes.EmptyFile, at, $"source '{source.Name}': the file is empty (0 bytes)", "an export with no rows still has its header line")
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Diagnostic(LoadCodes.Unreadable, at, $"source '{source.Name}': cannot read the file: {e.Message}");
        }
    }

    private Diagnostic[] MissingColumns(StagingSql staging, IReadOnlyList<string> files) =>
        files.SelectMany(f => MissingColumns(staging, f, warehouse.Options.DataRoot)).ToArray();

    private IEnumerable<Diagnostic> MissingColumns(StagingSql staging, string file, string dataRoot)
    {
        // JSON objects may simply lack a key (it reads as blank); files with a header must name every declared column.
        if (staging.Source.Format is SourceFormat.Json or SourceFormat.Ndjson) yield break;
        var columns = _staging.Query($"DESCRIBE SELECT * FROM {ReaderSql.AsText(staging.Source, [file])}", r => r.GetString(0));
        foreach (var field in staging.Fields.Where(f => !columns.Contains(f.Field.FileColumn)))
            yield return new Diagnostic(LoadCodes.MissingColumn, new SourceSpan(Path.GetRelativePath(dataRoot, file), 0, 1, 1, 0),
                $"column '{field.Field.FileColumn}' (field '{field.Field.Name}' of source '{staging.Source.Name}') is not in the file; it has: {string.Join(", ", columns)}",
                Dsl.Binding.DidYouMean.Hint(field.Field.FileColumn, columns));
    }

    private LoadOutcome Fail(SourceModel source, IReadOnlyList<string> files, IReadOnlyList<Diagnostic> diagnostics, long total, Stopwatch watch)
    {
        var dataRoot = warehouse.Options.DataRoot;
        var summary = diagnostics.Count > 0 ? diagnostics[0].Headline : "failed";
        warehouse.Log.Record(new LoadRecord(source.Name, FileList(files, dataRoot), "", 0, time.GetUtcNow(), watch.ElapsedMilliseconds, "failed",
            total > 1 ? $"{summary} (and {total - 1} more)" : summary));
        return new LoadOutcome(source.Name, LoadStatus.Failed, 0, files.Count, files.Sum(f => new FileInfo(f).Length), watch.Elapsed, diagnostics, total);
    }

    private void DropStage(SourceModel source) => _staging.Execute($"DROP TABLE IF EXISTS {Sql.Identifier(StagingSql.StageTable(source))}");

    private static string FileList(IReadOnlyList<string> files, string dataRoot) =>
        string.Join("\n", files.Select(f => Path.GetRelativePath(dataRoot, f)));
}
