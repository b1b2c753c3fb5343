using System.CommandLine;
using CxReports.Engine.Warehouse;
using CxReports.Server.Settings;

namespace CxReports.Server.Cli;

/// <summary>
/// Options every command accepts: where the report files and the data live, and which warehouse holds the data;
/// and the directory the command runs in, against which every path on the command line is read.
/// </summary>
public sealed class CommonOptions
{
    /// <summary>
    /// The directory relative paths are read from: the process's current directory for <c>cxr</c>, any directory for
    /// an in-process caller (tests), which must not change the current directory of a process others share.
    /// </summary>
    public string WorkingDirectory { get; }

    /// <summary>A path as given on the command line (or a default), made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    public Option<string> Reports { get; } = new("--reports")
    {
        Description = "Directory of .cxr report files",
        DefaultValueFactory = _ => "reports",
        Recursive = true,
    };

    public Option<string> Data { get; } = new("--data")
    {
        Description = "Data directory (sources, warehouse, run log); default: the demo data directory",
        DefaultValueFactory = _ => "demo-data",
        Recursive = true,
    };

    public Option<string?> Warehouse { get; } = new("--warehouse")
    {
        Description = "duckdb (embedded, the default) or postgres; default: the environment variable Warehouse__Provider",
        Recursive = true,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Npgsql connection string of the postgres warehouse; better in the environment variable Warehouse__ConnectionString (it may hold a password)",
        Recursive = true,
    };

    /// <summary>Where the command's warehouse, files and console come from (<see cref="CommandHost"/>).</summary>
    public CommandHost Host { get; }

    /// <summary>How long a command that goes through a running server waits for its answer.</summary>
    public Option<int> ServerTimeout { get; } = NumberOption.Within(new Option<int>("--server-timeout")
    {
        Description = "Seconds to wait for a running cxr serve that a command goes through (it holds the warehouse); then exit 3",
        DefaultValueFactory = _ => 600,
        Recursive = true,
    }, 1, 86_400);

    public CommonOptions(string workingDirectory, CommandHost? host = null)
    {
        WorkingDirectory = workingDirectory;
        Host = host ?? CommandHost.InProcess;
        Warehouse.AcceptOnlyFromAmong("duckdb", "postgres");
    }

    /// <summary>The settings the environment gives, read the way the server reads them (<see cref="EnvironmentSettings"/>).</summary>
    public IConfiguration Configuration { get; } = EnvironmentSettings.Read();

    /// <summary>The warehouse the command line chooses: flags first, then the same environment variables the server reads.</summary>
    public WarehouseOptions WarehouseFor(ParseResult parse, string? databasePath = null) =>
        new(FullPath(parse.GetValue(Data)!), databasePath is null ? null : FullPath(databasePath))
        {
            Provider = WarehouseOptions.ParseProvider(parse.GetValue(Warehouse) ?? Configuration["Warehouse:Provider"])
                       ?? throw new WarehouseException("Warehouse__Provider must be duckdb or postgres"),
            ConnectionString = parse.GetValue(Connection) ?? Configuration["Warehouse:ConnectionString"],
            ReaderConnectionString = Configuration["Warehouse:ReaderConnectionString"],
            Schema = Configuration["Warehouse:Schema"] is { Length: > 0 } schema ? schema : "cxr",
        };
}
