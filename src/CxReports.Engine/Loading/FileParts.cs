using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// Incremental loading of a source over a glob of exports (<c>faturalar/*.csv</c>): the checked rows of each file
/// of the last published load are kept in the staging DuckDB (<c>_cxr_parts_SOURCE</c>, with the file's name and
/// content hash), and a load reads and checks only the files that are new or changed. The staging table is then
/// built from the kept rows of the files as they are now, so a changed or removed file's rows are replaced or gone,
/// and the checks that need every row (unique keys, required links) run on the whole table as in a full load.
/// What is kept is tied to how rows are read and checked (<see cref="Version"/>): a change to the source's fields
/// or options reads every file again. The cost is a second copy of the source's rows in the staging database.
/// </summary>
public sealed class FileParts(DuckDbWarehouse staging, StagingSql sql)
{
    private const string Index = "_cxr_parts_index";

    /// <summary>A file of the source as it is now: its name relative to the data directory and its content hash.</summary>
    public readonly record struct Part(string Name, string Hash);

    private SourceModel Source => sql.Source;
    private string Table => Sql.Identifier("_cxr_parts_" + Source.Name);

    /// <summary>Whether the source reads a glob of files into declared columns (the loads that can be incremental).</summary>
    public static bool Applies(SourceModel source) =>
        source.DeclaresColumns && Path.GetFileName(source.Path).IndexOfAny(['*', '?']) >= 0;

    /// <summary>How a file's rows are read and checked, without which files: fields, conversions, checks, options.</summary>
    public string Version =>
        string.Join("\n", sql.Fields.Select(f => $"{f.Field.FileColumn}\t{f.SqlType}\t{f.Loaded}\t{f.ConvertedFromRaw}\t{f.Broken}")) + "\n" +
        string.Join("\n", Source.Options.Written().Select(o => $"{o.Key}={o.Value}")) + $"\n{Source.Format}";

    /// <summary>The files whose checked rows, of exactly this content and version, were kept by the last published load.</summary>
    public IReadOnlySet<string> Kept(IReadOnlyList<Part> current, bool force)
    {
        staging.CreateMissing($"CREATE TABLE IF NOT EXISTS {Index} (source VARCHAR, file VARCHAR, hash VARCHAR, version VARCHAR)");
        var kept = staging.Query($"SELECT file, hash, version FROM {Index} WHERE source = $1", r => (File: r.GetString(0), Hash: r.GetString(1), Version: r.GetString(2)), Source.Name);
        if (force || !staging.TableExists("_cxr_parts_" + Source.Name) || kept.Any(k => k.Version != Version))
        {
            Forget();
            return new HashSet<string>();
        }
        var published = kept.Select(k => new Part(k.File, k.Hash)).ToHashSet();
        return current.Where(published.Contains).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads and checks the <paramref name="changed"/> files (as DuckDB reads them: <paramref name="readFiles"/>) into
    /// the kept rows with <paramref name="reader"/> (the source's SQL, or a transcoded copy's) and builds the staging
    /// table from the rows of <paramref name="current"/>, in one transaction: a row that breaks a rule fails it
    /// (<see cref="StagingSql.BrokenRow"/>) and nothing is kept.
    /// </summary>
    public void Stage(IReadOnlyList<Part> current, IReadOnlyList<Part> changed, IReadOnlyList<string> readFiles, StagingSql reader) => staging.InTransaction(() =>
    {
        var columns = string.Join(", ", sql.Fields.Select(f => $"{Sql.Identifier(f.Field.Name)} {f.SqlType}"));
        staging.Execute($"CREATE TABLE IF NOT EXISTS {Table} (_cxr_file VARCHAR, _cxr_hash VARCHAR, {columns})");
        for (var i = 0; i < changed.Count; i++)
        {
            // Rows of this very content may be left from a load that was then refused: they are read again.
            staging.Execute($"DELETE FROM {Table} WHERE _cxr_file = $1 AND _cxr_hash = $2", changed[i].Name, changed[i].Hash);
            staging.Execute($"INSERT INTO {Table} SELECT {Sql.Literal(changed[i].Name)}, {Sql.Literal(changed[i].Hash)}, * FROM ({reader.CheckedRows([readFiles[i]])})");
        }
        var names = string.Join(", ", sql.Fields.Select(f => Sql.Identifier(f.Field.Name)));
        staging.Execute($"CREATE OR REPLACE TABLE {Sql.Identifier(StagingSql.StageTable(Source))} AS SELECT {names} FROM {Table} " +
                        $"WHERE list_contains({Sql.List(current.Select(Key))}, _cxr_file || chr(10) || _cxr_hash)");
    });

    /// <summary>After the load is published: keeps only the rows of the files as published, and records them.</summary>
    public void Published(IReadOnlyList<Part> current)
    {
        try
        {
            staging.InTransaction(() =>
            {
                staging.Execute($"DELETE FROM {Table} WHERE NOT list_contains({Sql.List(current.Select(Key))}, _cxr_file || chr(10) || _cxr_hash)");
                staging.Execute($"DELETE FROM {Index} WHERE source = $1", Source.Name);
                foreach (var part in current)
                    staging.Execute($"INSERT INTO {Index} VALUES ($1, $2, $3, $4)", Source.Name, part.Name, part.Hash, Version);
            });
        }
        catch (System.Data.Common.DbException)
        {
            // Without a true record of what is kept, the next load reads every file again.
            Forget();
        }
    }

    /// <summary>Drops what is kept for the source: the next load reads every file.</summary>
    public void Forget()
    {
        try
        {
            staging.Execute($"DROP TABLE IF EXISTS {Table}");
            staging.Execute($"DELETE FROM {Index} WHERE source = $1", Source.Name);
        }
        catch (System.Data.Common.DbException)
        {
            // The warehouse cannot be written now (a full disk): the version check rebuilds it when it can.
        }
    }

    private static string Key(Part part) => part.Name + "\n" + part.Hash;
}
