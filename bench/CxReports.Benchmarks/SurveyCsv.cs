using System.Globalization;
using DuckDB.NET.Data;

namespace CxReports.Benchmarks;

/// <summary>
/// A synthetic survey-responses export of a given size, written once by DuckDB itself (<c>COPY ... TO</c>) into
/// <c>bench/.data/</c> (git-ignored) and reused by every later run: id, customer, ISO timestamp with a +03:00 offset,
/// channel, score 0-10, csat 1-5 or blank, ces 1-7 or blank, a short comment (some quoted, some blank).
/// </summary>
public static class SurveyCsv
{
    /// <summary>The CXR source that declares the file's columns with types, <c>required</c>, ranges and a key.</summary>
    public static string Source(string fileName) => $$"""
        source responses from "{{fileName}}" {
          key id: integer
          column customer required
          time responded_at: timestamp required
          column channel required in ("product", "phone", "email", "chat", "sales", "webinar")
          column score: integer required range 0 .. 10
          column csat: integer range 1 .. 5
          column ces: integer range 1 .. 7
          column comment
        }
        """;

    /// <summary>The explicit column types a careful hand-written <c>read_csv</c> would give.</summary>
    public const string TypedColumns =
        "columns = {'id': 'BIGINT', 'customer': 'VARCHAR', 'responded_at': 'TIMESTAMPTZ', 'channel': 'VARCHAR', " +
        "'score': 'BIGINT', 'csat': 'BIGINT', 'ces': 'BIGINT', 'comment': 'VARCHAR'}";

    /// <summary>The directory the files are cached in: <c>bench/.data</c> of the repository, or the temp directory.</summary>
    public static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CxReports.sln")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "bench", ".data")).FullName;
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cxreports-bench-data")).FullName;
    }

    public static string FileName(int rows) => $"responses-{rows}.csv";

    /// <summary>The CSV of <paramref name="rows"/> rows, written now if not cached yet.</summary>
    public static string Ensure(int rows)
    {
        var file = Path.Combine(DataDirectory(), FileName(rows));
        if (File.Exists(file)) return file;
        var partial = file + ".partial";
        File.Delete(partial);
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = GenerateSql(rows, partial);
            command.ExecuteNonQuery();
        }
        File.Move(partial, file);
        return file;
    }

    private static string GenerateSql(int rows, string target) => $"""
        COPY (
          SELECT
            i + 1 AS id,
            'C' || lpad(CAST(hash(i, 1) % 50000 AS VARCHAR), 6, '0') AS customer,
            strftime(TIMESTAMP '2024-01-01 00:00:00' + to_seconds(CAST(hash(i, 2) % 63072000 AS BIGINT)), '%Y-%m-%dT%H:%M:%S') || '+03:00' AS responded_at,
            ['product', 'phone', 'email', 'chat', 'sales', 'webinar'][1 + CAST(hash(i, 3) % 6 AS INTEGER)] AS channel,
            CAST(hash(i, 4) % 11 AS INTEGER) AS score,
            CASE WHEN hash(i, 5) % 4 = 0 THEN NULL ELSE 1 + CAST(hash(i, 6) % 5 AS INTEGER) END AS csat,
            CASE WHEN hash(i, 7) % 3 = 0 THEN NULL ELSE 1 + CAST(hash(i, 8) % 7 AS INTEGER) END AS ces,
            CASE CAST(hash(i, 9) % 10 AS INTEGER)
              WHEN 0 THEN 'Fast, friendly support'
              WHEN 1 THEN 'Took too long to get an answer'
              WHEN 2 THEN 'Great product, but the invoice was wrong'
              WHEN 3 THEN 'ok'
              WHEN 4 THEN 'The new dashboard is confusing'
              WHEN 5 THEN 'Would recommend to a colleague'
              ELSE NULL
            END AS comment
          FROM range({rows.ToString(CultureInfo.InvariantCulture)}) t(i)
        ) TO '{target.Replace("'", "''")}' (FORMAT csv, HEADER, DELIMITER ',')
        """;
}
