using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CxReports.Engine.Warehouse;

namespace CxReports.Server.Settings;

/// <summary>
/// The <c>Warehouse</c> section of configuration: which engine holds the data (<c>Warehouse:Provider</c>, flag
/// <c>--warehouse</c>) and, for PostgreSQL, where (<c>Warehouse:ConnectionString</c>, flag <c>--connection</c>; best
/// given as the environment variable <c>Warehouse__ConnectionString</c>, since it may hold a password).
/// </summary>
public sealed partial class WarehouseSettings : IValidatableObject
{
    public const string Section = "Warehouse";

    /// <summary><c>duckdb</c> (embedded, the default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "duckdb";

    /// <summary>Npgsql connection string of the PostgreSQL (or Citus coordinator) database.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Optional: the connection report queries use, as a login role granted the schema's reader role (for servers
    /// whose authentication rules do not let the generated reader role log in with a password).
    /// </summary>
    public string? ReaderConnectionString { get; set; }

    /// <summary>The PostgreSQL schema of the sources and logs.</summary>
    public string Schema { get; set; } = "cxr";

    /// <summary>
    /// DuckDB's <c>memory_limit</c> for the embedded warehouse (loads and report queries; past it DuckDB spills or
    /// fails the statement, never the process), e.g. <c>4GB</c> or <c>512MiB</c>.
    /// </summary>
    public string MemoryLimit { get; set; } = "4GB";

    /// <summary>The sizes DuckDB's <c>memory_limit</c> takes, spelled the way its documentation does.</summary>
    [GeneratedRegex(@"^[1-9][0-9]{0,5}(\.[0-9]{1,3})?\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")]
    private static partial Regex Size();

    /// <summary>The first thing wrong with the warehouse settings, if any (never echoing the connection string).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var provider = WarehouseOptions.ParseProvider(Provider);
        if (provider is null)
            yield return new ValidationResult($"Warehouse:Provider must be duckdb or postgres (got '{Provider}')");
        else if (provider == WarehouseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Warehouse:ConnectionString is empty: the postgres warehouse needs one (environment variable Warehouse__ConnectionString)");
        else if (string.IsNullOrWhiteSpace(Schema) || Schema.Length > 50)
            yield return new ValidationResult("Warehouse:Schema must be a name of 1 to 50 characters");
        else if (!Size().IsMatch(MemoryLimit ?? ""))
            yield return new ValidationResult($"Warehouse:MemoryLimit must be a size such as 4GB or 512MiB (got '{MemoryLimit}')");
    }

    public WarehouseOptions For(CxrServerOptions server) => new(server.DataDirectory, server.WarehousePath, MemoryLimit)
    {
        Provider = WarehouseOptions.ParseProvider(Provider) ?? WarehouseProvider.DuckDb,
        ConnectionString = ConnectionString,
        ReaderConnectionString = ReaderConnectionString,
        Schema = Schema,
    };
}
