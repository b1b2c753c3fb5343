using CxReports.Engine.Dialects;
using Npgsql;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// Moves a checked staging table from the staging DuckDB into PostgreSQL in bulk: DuckDB writes it as CSV (in
/// parallel, with its own writer), PostgreSQL reads that with <c>COPY ... FROM STDIN</c>. No row passes through C#
/// as values; the file's bytes are streamed as they are.
/// </summary>
internal sealed class PostgresCopy(PostgresWarehouse warehouse, NpgsqlConnection connection)
{
    /// <summary>Creates <paramref name="stage"/> in PostgreSQL with the staging table's columns, places it (Citus), and fills it.</summary>
    public void CopyIn(string stage, PublishedTable table)
    {
        var columns = warehouse.Staging.Query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $1 ORDER BY ordinal_position",
            r => PostgresColumn.From(r.GetString(0), r.GetString(1)), stage);
        warehouse.Execute($"DROP TABLE IF EXISTS {Sql.Identifier(stage)}");
        warehouse.Execute($"CREATE TABLE {Sql.Identifier(stage)} ({string.Join(", ", columns.Select(c => $"{Sql.Identifier(c.Name)} {c.PostgresType}"))})");
        if (warehouse.HasCitus) warehouse.Execute(CitusPlacement.Distribute(warehouse.Options.Schema, stage, table));

        var file = Path.Combine(Path.GetDirectoryName(warehouse.Options.StagingFile)!, $"{stage}.copy.csv");
        try
        {
            // Text columns are always quoted, so an empty text is "" and only a missing value is an unquoted empty field.
            var quoted = columns.Where(c => c.IsText).Select(c => Sql.Identifier(c.Name)).ToArray();
            warehouse.Staging.Execute(
                $"COPY (SELECT {string.Join(", ", columns.Select(c => c.Export))} FROM {Sql.Identifier(stage)}) TO {Sql.Literal(file)} " +
                $"(FORMAT csv, HEADER false{(quoted.Length > 0 ? $", FORCE_QUOTE ({string.Join(", ", quoted)})" : "")})");
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 20);
            using (var writer = connection.BeginTextImport($"COPY {Sql.Identifier(stage)} FROM STDIN (FORMAT csv)"))
            {
                var buffer = new char[1 << 20];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, read);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A staging column as PostgreSQL stores it, and how DuckDB writes it for that type.</summary>
internal sealed record PostgresColumn(string Name, string PostgresType, string Export, bool IsText)
{
    public static PostgresColumn From(string name, string duckDbType)
    {
        var column = Sql.Identifier(name);
        var type = duckDbType.ToUpperInvariant();
        string? mapped = type switch
        {
            "VARCHAR" => "text",
            "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "UINTEGER" or "USMALLINT" or "UTINYINT" => "bigint",
            "UBIGINT" or "HUGEINT" or "UHUGEINT" => "numeric",
            "DOUBLE" or "FLOAT" => "double precision",
            "DATE" => "date",
            "TIMESTAMP WITH TIME ZONE" => "timestamptz",
            "TIMESTAMP" => "timestamp",
            "BOOLEAN" => "boolean",
            _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => "numeric" + type["DECIMAL".Length..],
            _ => null,
        };
        // Anything else (lists, structs, intervals from detected JSON) is kept as its text.
        return mapped is null
            ? new PostgresColumn(name, "text", $"CAST({column} AS VARCHAR) AS {column}", true)
            : new PostgresColumn(name, mapped, column, mapped == "text");
    }
}
