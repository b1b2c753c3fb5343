using CxReports.Engine.Warehouse;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Settings;

/// <summary>
/// The <c>Warehouse</c> section of configuration: which engine holds the data (<c>Warehouse:Provider</c>, flag
/// <c>--warehouse</c>) and, for PostgreSQL, where (<c>Warehouse:ConnectionString</c>, flag <c>--connection</c>; best
/// given as the environment variable <c>Warehouse__ConnectionString</c>, since it may hold a password).
/// </summary>
public sealed class WarehouseSettings
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

    public WarehouseOptions For(CxrServerOptions server) => new(server.DataDirectory, server.WarehousePath, MemoryLimit)
    {
        Provider = WarehouseOptions.ParseProvider(Provider) ?? WarehouseProvider.DuckDb,
        ConnectionString = ConnectionString,
        ReaderConnectionString = ReaderConnectionString,
        Schema = Schema,
    };
}

/// <summary>Checks the warehouse settings before the server starts (never echoing the connection string).</summary>
public sealed partial class WarehouseSettingsValidator : IValidateOptions<WarehouseSettings>
{
    /// <summary>The sizes DuckDB's <c>memory_limit</c> takes, spelled the way its documentation does.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[1-9][0-9]{0,5}(\.[0-9]{1,3})?\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")]
    private static partial System.Text.RegularExpressions.Regex Size();

    public ValidateOptionsResult Validate(string? name, WarehouseSettings options)
    {
        var provider = WarehouseOptions.ParseProvider(options.Provider);
        if (provider is null)
            return ValidateOptionsResult.Fail($"Warehouse:Provider must be duckdb or postgres (got '{options.Provider}')");
        if (provider == WarehouseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Warehouse:ConnectionString is empty: the postgres warehouse needs one (environment variable Warehouse__ConnectionString)");
        if (string.IsNullOrWhiteSpace(options.Schema) || options.Schema.Length > 50)
            return ValidateOptionsResult.Fail("Warehouse:Schema must be a name of 1 to 50 characters");
        if (!Size().IsMatch(options.MemoryLimit ?? ""))
            return ValidateOptionsResult.Fail($"Warehouse:MemoryLimit must be a size such as 4GB or 512MiB (got '{options.MemoryLimit}')");
        return ValidateOptionsResult.Success;
    }
}
