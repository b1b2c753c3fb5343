using System.CommandLine;

namespace CxReports.Server.Cli;

/// <summary>Options every command accepts: where the report files and the data live.</summary>
public sealed class CommonOptions
{
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
}
