using System.Diagnostics;
using CxReports.Engine.Dialects;
using DuckDB.NET.Data;

namespace CxReports.Demo.Scale;

/// <summary>
/// Runs the generator's statements and writes each file with <c>COPY</c> to a temporary sibling that replaces the
/// target only when complete (as the C# generator's <c>DemoFile</c> does), so a watching server never loads half a file.
/// </summary>
internal sealed class ScaleFileWriter(DuckDBConnection connection, string directory, Action<string, TimeSpan>? step)
{
    public void Run(string name, params string[] statements)
    {
        var watch = Stopwatch.StartNew();
        foreach (string sql in statements) Execute(sql);
        step?.Invoke(name, watch.Elapsed);
    }

    /// <summary>A CSV with a header, quoting as RFC 4180 needs; LF or CRLF line ends. Returns the data rows.</summary>
    public int Csv(string relativePath, string select, char delimiter, bool crlf) =>
        Copy(relativePath, select, $"FORMAT CSV, HEADER, DELIMITER {Sql.Literal(delimiter.ToString())}, QUOTE '\"'{(crlf ? ", NEW_LINE '\\r\\n'" : "")}");

    /// <summary>Newline-delimited JSON, one object per row with the columns in order.</summary>
    public int Json(string relativePath, string select) => Copy(relativePath, select, "FORMAT JSON");

    /// <summary>Lines written as they are (a null line is a blank one), CRLF: the writer never quotes or splits them.</summary>
    public int RawLines(string relativePath, string select) =>
        Copy(relativePath, select, "FORMAT CSV, HEADER false, DELIMITER '\u0001', QUOTE '\u0002', ESCAPE '\u0002', NEW_LINE '\\r\\n'");

    private int Copy(string relativePath, string select, string options)
    {
        var watch = Stopwatch.StartNew();
        string path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            long rows = Execute($"COPY ({select}) TO {Sql.Literal(temp)} ({options})");
            File.Move(temp, path, overwrite: true);
            step?.Invoke(relativePath, watch.Elapsed);
            return checked((int)rows);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private long Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
