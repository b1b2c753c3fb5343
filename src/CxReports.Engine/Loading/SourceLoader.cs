using System.Data.Common;
using System.Diagnostics;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
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

    public LoadOutcome Load(SourceModel source, bool force, IReadOnlyDictionary<string, SemanticKey> loadedKeys, bool allowShrink = false)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return Load(source, force, loadedKeys, allowShrink, watch);
        }
        catch (DbException e) when (StorageFailure.IsDiskFull(e.Message))
        {
            // The warehouse's disk filled up where no failure is expected (writing the load log, say): one line for
            // this source, never a stack trace. Publishing is one transaction, so the previous data is what the
            // warehouse still holds. A damaged or invalidated warehouse is not one source's problem: that exception
            // goes to the command or server, which says so once.
            var at = new SourceSpan(source.Path, 0, 1, 1, 0);
            return new LoadOutcome(source.Name, LoadStatus.Failed, 0, 0, 0, watch.Elapsed,
                [new Diagnostic(LoadCodes.NotStored, at, $"source '{source.Name}': the warehouse failed: {FirstLine(e.Message)}; the previous data is kept", StorageHint)], 1);
        }
    }

    private const string StorageHint = "free disk space where the warehouse lies, or check that its files are intact";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private LoadOutcome Load(SourceModel source, bool force, IReadOnlyDictionary<string, SemanticKey> loadedKeys, bool allowShrink, Stopwatch watch)
    {
        var dataRoot = warehouse.Options.DataRoot;
        var (files, problem) = SourceFiles.Resolve(source, dataRoot);
        if (problem is not null) return Fail(source, [], [problem], 1, watch);

        var unusable = files.Select(f => Unusable(source, f, dataRoot)).OfType<Diagnostic>().ToArray();
        if (unusable.Length > 0) return Fail(source, files, unusable, unusable.Length, watch);

        var staging = source.DeclaresColumns ? new StagingSql(source) : null;
        if (source.Format is SourceFormat.Csv or SourceFormat.Tsv && HeaderProblems(source, staging, files, dataRoot) is { Length: > 0 } headerProblems)
            return Fail(source, files, headerProblems, headerProblems.Length, watch);
        var recipe = staging?.CreateStage(files) ?? $"SELECT * FROM {ReaderSql.Detected(source, files)}";
        // The encoding is part of how the files are read even where the SQL does not name it (transcoded files). The
        // recipe names the files by absolute path: without the data directory's own path, byte-identical data in
        // another folder has the same version (the files' names relative to it are hashed with their bytes).
        var version = recipe.Replace(Path.TrimEndingDirectorySeparator(dataRoot) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
                      + "\n" + FileEncodings.Name(source);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        // A glob's files are hashed one by one, to read again only those that are new or changed.
        var incremental = staging is not null && FileParts.Applies(source) ? new FileParts(_staging, staging) : null;
        var parts = incremental is null ? Array.Empty<FileParts.Part>() : files.Select(f => new FileParts.Part(Path.GetRelativePath(dataRoot, f), ContentHash.OfFile(f))).ToArray();
        string Hash() => incremental is null ? ContentHash.Of(files, dataRoot, version) : ContentHash.Combine(version, parts);
        // The hash decides whether to load only when a good load could be skipped; otherwise it is needed just for
        // the log entry, and is computed on another thread while DuckDB reads the files.
        var last = force ? null : warehouse.Log.LastLoaded(source.Name);
        Task<string> hashing;
        if (last is not null && warehouse.TableExists(source.Name) && _staging.TableExists(source.Name))
        {
            var hash = Hash();
            if (hash == last.ContentHash)
                return new LoadOutcome(source.Name, LoadStatus.Unchanged, last.Rows, files.Count, bytes, watch.Elapsed, [], 0);
            hashing = Task.FromResult(hash);
        }
        else hashing = Task.Run(Hash);

        var work = new WorkFiles(_staging.Options);
        try
        {
            var kept = incremental?.Kept(parts, force) ?? new HashSet<string>();
            var changed = parts.Where(p => !kept.Contains(p.Name)).ToArray();
            var toRead = incremental is null ? files : files.Where((_, i) => !kept.Contains(parts[i].Name)).ToArray();
            var (readFiles, readSource, readProblems) = Transcoded(source, toRead, work, dataRoot);
            if (readProblems.Length > 0) return Fail(source, files, readProblems, readProblems.Length, watch);
            var readStaging = readSource == source ? staging : new StagingSql(readSource);
            var readRecipe = readSource == source ? recipe : incremental is null ? readStaging!.CreateStage(readFiles) : "";

            var stage = StagingSql.StageTable(source);
            long rows;
            if (readStaging is null)
            {
                _staging.Execute($"CREATE OR REPLACE TABLE {Sql.Identifier(stage)} AS {readRecipe}");
                rows = _staging.Scalar<long>($"SELECT count(*) FROM {Sql.Identifier(stage)}");
            }
            else
            {
                // Files of a glob are matched by column name, and one that lacks a column would read it as blank, so
                // each Parquet file is checked first (CSV headers were checked above; a JSON object may lack a key).
                if (files.Count > 1 && source.Format == SourceFormat.Parquet && MissingColumns(readStaging, readFiles) is { Length: > 0 } missing)
                    return Fail(source, files, missing, missing.Length, watch);

                LoadOutcome? RowErrors(DuckDBException? unreadable)
                {
                    DropStage(source);
                    var shown = files.Select(f => Path.GetRelativePath(dataRoot, f)).ToArray();
                    // The error path reads every file, kept or not, to name every problem as a full load would.
                    var allRead = readFiles.Count == files.Count ? readFiles : Transcoded(source, files, work, dataRoot).Files;
                    var (diagnostics, total) = new LoadErrorFinder(_staging, readStaging, allRead, dataRoot, shown, work.Directory).Find(loadedKeys);
                    return total > 0 || unreadable is null ? Fail(source, files, diagnostics, total, watch) : null;
                }
                try
                {
                    if (incremental is null) _staging.Execute(readRecipe);
                    else incremental.Stage(parts, changed, readFiles, readStaging);
                }
                catch (DuckDBException e) when (StagingSql.IsBrokenRow(e)) { return RowErrors(null)!; }
                catch (DuckDBException e) when (source.Format is SourceFormat.Csv or SourceFormat.Tsv)
                {
                    // DuckDB stops at the first record it cannot read; the error path names every one.
                    if (RowErrors(e) is { } outcome) return outcome;
                    throw;
                }
                var summary = _staging.Query(readStaging.Summary(), r => (Rows: r.GetInt64(0),
                    Duplicates: r.IsDBNull(1) ? (long?)null : r.GetInt64(1), Lowest: r.IsDBNull(2) ? (long?)null : r.GetInt64(2),
                    Highest: r.IsDBNull(3) ? (long?)null : r.GetInt64(3))).Single();
                var duplicates = summary.Duplicates
                    ?? (summary is { Lowest: { } lowest, Highest: { } highest } ? _staging.Scalar<long>(readStaging.KeyDuplicates(lowest, highest)) : 0);
                var linkMisses = readStaging.RequiredLinks(loadedKeys.ContainsKey)
                    .Sum(link => _staging.Scalar<long>(readStaging.LinkMisses(link, loadedKeys[link.Field.LinkTarget!])));
                if (duplicates + linkMisses > 0) return RowErrors(null)!;
                rows = summary.Rows;
            }

            if (ShrinkGuard.Refusal(source, warehouse.TableExists(source.Name) ? warehouse.Log.LastLoaded(source.Name)?.Rows : null, rows, allowShrink, files, dataRoot) is { } refusal)
            {
                DropStage(source);
                return Fail(source, files, [refusal], 1, watch);
            }
            var contentHash = hashing.GetAwaiter().GetResult();
            warehouse.Publish(stage, TablePlacement.Of(model, source), new LoadRecord(source.Name, FileList(files, dataRoot), contentHash, rows,
                time.GetUtcNow(), watch.ElapsedMilliseconds, LoadLogStatus.Ok, null) { DataThrough = DataEnd.Of(_staging, source, stage) });
            incremental?.Published(parts);
            return new LoadOutcome(source.Name, LoadStatus.Loaded, rows, files.Count, bytes, watch.Elapsed, [], 0);
        }
        catch (DuckDBException e)
        {
            TryDropStage(source);
            if (IsStorageFailure(e, _staging.Options.DatabaseFile) && !StorageFailure.IsDiskFull(e.Message)) throw; // damaged or invalidated: the warehouse's, not this source's
            // A column the statement names but the file lacks is a binder error (DuckDB.NET leaves ErrorType unset here).
            if (staging is not null && e.Message.StartsWith("Binder Error", StringComparison.Ordinal) &&
                MissingColumns(staging, files) is { Length: > 0 } missing)
                return Fail(source, files, missing, missing.Length, watch);
            return Fail(source, files, [NotStoredOrUnreadable(source, files, e, dataRoot, _staging.Options.DatabaseFile)], 1, watch);
        }
        catch (DbException e) when (e is not DuckDBException && StorageFailure.IsDiskFull(e.Message))
        {
            // The PostgreSQL warehouse's disk filled up while publishing: the transaction rolled back, so the previous
            // data is kept. Any other failure of it (it went away) is the warehouse's, said once by the caller.
            TryDropStage(source);
            return Fail(source, files, [new Diagnostic(LoadCodes.NotStored, new SourceSpan(Path.GetRelativePath(dataRoot, files[0]), 0, 1, 1, 0),
                $"source '{source.Name}': the warehouse could not store the load ({FirstLine(e.Message)}); the previous data is kept", StorageHint)], 1, watch);
        }
        catch (IOException e)
        {
            // A full disk while copying or checking files: the live table is as it was; say so in one line.
            TryDropStage(source);
            return Fail(source, files, [new Diagnostic(LoadCodes.NotStored, new SourceSpan(Path.GetRelativePath(dataRoot, files[0]), 0, 1, 1, 0),
                $"source '{source.Name}': the load's files could not be read or written ({FirstLine(e.Message)}); the previous data is kept", StorageHint)], 1, watch);
        }
        finally
        {
            work.Dispose();
            Settle(hashing);
        }
    }

    /// <summary>
    /// The files DuckDB reads and the source it reads them as: the files themselves, or for a Turkish code page
    /// their UTF-8 copies (read as UTF-8), or the first byte of each file that is not text in its encoding.
    /// </summary>
    private static (IReadOnlyList<string> Files, SourceModel Source, Diagnostic[] Problems) Transcoded(SourceModel source, IReadOnlyList<string> files, WorkFiles work, string dataRoot)
    {
        if (!FileEncodings.IsTranscoded(source)) return (files, source, []);
        var name = FileEncodings.Name(source);
        var transcoder = new SingleByteTranscoder(FileEncodings.Of(source));
        var copies = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var file in files)
        {
            var copy = work.New(Path.GetExtension(file));
            copies.Add(copy);
            if (transcoder.Transcode(file, copy) is var (line, column, value))
                problems.Add(new Diagnostic(LoadCodes.BadEncoding, new SourceSpan(Path.GetRelativePath(dataRoot, file), 0, line, column, 0),
                    $"source '{source.Name}': {LoadErrorFinder.EncodingProblem(value, name)}"));
        }
        return (copies, source with { Options = source.Options with { Encoding = null } }, problems.ToArray());
    }

    /// <summary>
    /// The header of every CSV file: a column without a name, two columns of the same name (DuckDB alone would
    /// rename one), a declared column it lacks, or no header at all. All of them, before DuckDB reads a row.
    /// </summary>
    private static Diagnostic[] HeaderProblems(SourceModel source, StagingSql? staging, IReadOnlyList<string> files, string dataRoot)
    {
        var problems = new List<Diagnostic>();
        foreach (var file in files)
        {
            var shown = Path.GetRelativePath(dataRoot, file);
            if (CsvHeader.Read(file, source) is not { } header)
            {
                problems.Add(new Diagnostic(LoadCodes.EmptyFile, new SourceSpan(shown, 0, 1, 1, 0),
                    $"source '{source.Name}': the file has only blank lines", "an export with no rows still has its header line"));
                continue;
            }
            foreach (var (column, problem) in header.NameProblems())
                problems.Add(new Diagnostic(LoadCodes.HeaderNames, new SourceSpan(shown, 0, header.Line, column, 0),
                    $"source '{source.Name}': {problem}", "give every column its own name in the export (or set header false and name them column0, column1, ...)"));
            foreach (var field in staging?.Fields.Where(f => !header.Columns.Contains(f.Field.FileColumn)) ?? [])
                problems.Add(new Diagnostic(LoadCodes.MissingColumn, new SourceSpan(shown, 0, header.Line, 1, 0),
                    $"column '{field.Field.FileColumn}' (field '{field.Field.Name}' of source '{source.Name}') is not in the file; it has: {string.Join(", ", header.Columns)}",
                    Dsl.Binding.DidYouMean.Hint(field.Field.FileColumn, header.Columns)));
        }
        return problems.ToArray();
    }

    /// <summary>Waits for the hashing, so no read of the files goes on after the load returns. A failed load does
    /// not log the hash, so a hashing error matters only to a good load, which has rethrown it already.</summary>
    private static void Settle(Task hashing)
    {
        try { hashing.Wait(); }
        catch (AggregateException) { }
    }

    /// <summary>
    /// Why DuckDB could not read the files, or store what it read: one line, DuckDB's reason. (Records that break a
    /// CSV file's shape are named by the error path before it comes to this.)
    /// </summary>
    private static Diagnostic NotStoredOrUnreadable(SourceModel source, IReadOnlyList<string> files, DuckDBException e, string dataRoot, string databaseFile)
    {
        // Located at the file DuckDB names, when it names one of the source's.
        var named = files.FirstOrDefault(f => e.Message.Contains(f, StringComparison.Ordinal)) ?? files[0];
        var at = new SourceSpan(Path.GetRelativePath(dataRoot, named), 0, 1, 1, 0);
        return IsStorageFailure(e, databaseFile)
            ? new Diagnostic(LoadCodes.NotStored, at, $"source '{source.Name}': the warehouse could not store the load ({Reason(e.Message, dataRoot)}); the previous data is kept",
                StorageHint)
            : new Diagnostic(LoadCodes.Malformed, at, $"source '{source.Name}': {Reason(e.Message, dataRoot)}");
    }

    /// <summary>
    /// DuckDB's failures of its own storage (a full disk, its database file or log it cannot write or read back, an
    /// instance a fatal error invalidated), not of the data files (an IO error reading an export is the export's).
    /// </summary>
    private static bool IsStorageFailure(DuckDBException e, string databaseFile) =>
        StorageFailure.IsDiskFull(e.Message) || e.Message.StartsWith("FATAL Error", StringComparison.Ordinal) ||
        e.Message.Contains("database has been invalidated", StringComparison.Ordinal) ||
        (e.Message.StartsWith("IO Error", StringComparison.Ordinal) && e.Message.Contains(Path.GetFileName(databaseFile), StringComparison.Ordinal));

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
        try
        {
            warehouse.Log.Record(new LoadRecord(source.Name, FileList(files, dataRoot), "", 0, time.GetUtcNow(), watch.ElapsedMilliseconds, LoadLogStatus.Failed,
                total > 1 ? $"{summary} (and {total - 1} more)" : summary));
        }
        catch (DbException e) when (StorageFailure.IsDiskFull(e.Message))
        {
            // A warehouse whose disk is full cannot log the failure either; the outcome still says why.
        }
        return new LoadOutcome(source.Name, LoadStatus.Failed, 0, files.Count, files.Sum(f => new FileInfo(f).Length), watch.Elapsed, diagnostics, total);
    }

    private void DropStage(SourceModel source) => _staging.Execute($"DROP TABLE IF EXISTS {Sql.Identifier(StagingSql.StageTable(source))}");

    /// <summary>Drops the staging table after a failure; when the warehouse cannot even do that, the next load replaces it.</summary>
    private void TryDropStage(SourceModel source)
    {
        try { DropStage(source); }
        catch (DuckDBException) { }
    }

    private static string FileList(IReadOnlyList<string> files, string dataRoot) =>
        string.Join("\n", files.Select(f => Path.GetRelativePath(dataRoot, f)));
}
