using CxReports.Engine.Warehouse;
using Spectre.Console;

namespace CxReports.Server.Cli;

/// <summary>
/// What a command reaches outside its arguments and output streams: the warehouse it opens, the files it writes and
/// the console its tables are drawn for. In process these are the real ones; a command forwarded to <c>cxr serve</c>
/// gets the server's open warehouse, and its files and console are those of the <c>cxr</c> that forwarded it.
/// </summary>
public class CommandHost
{
    /// <summary>The host of a command run by this process itself.</summary>
    public static CommandHost InProcess { get; } = new();

    /// <summary>
    /// Whether the command runs inside <c>cxr serve</c>, whose scheduler makes and resumes the runs the command finds
    /// unfinished in the run log (so they are not the command's to finish).
    /// </summary>
    public virtual bool InServer => false;

    /// <summary>Opens the warehouse; the caller disposes it.</summary>
    public virtual IWarehouse OpenWarehouse(WarehouseOptions options) => Warehouses.Open(options);

    public virtual void WriteFile(string path, byte[] content) => File.WriteAllBytes(path, content);

    /// <summary>A console drawing on <paramref name="stdout"/> with what its terminal supports (width, colours, ANSI).</summary>
    public virtual IAnsiConsole Console(TextWriter stdout) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect });
}
