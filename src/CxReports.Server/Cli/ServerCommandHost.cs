using CxReports.Engine.Warehouse;
using Spectre.Console;

namespace CxReports.Server.Cli;

/// <summary>
/// The host of a command forwarded to this server: the server's open warehouse (lent, not closed), the files it writes
/// kept to be sent back, and a console drawn as the forwarding terminal would draw it.
/// </summary>
public sealed class ServerCommandHost(IWarehouse warehouse, TerminalFacts terminal) : CommandHost
{
    private readonly List<ForwardedFile> _files = [];

    public IReadOnlyList<ForwardedFile> Files => _files;

    public override bool InServer => true;

    /// <summary>The server's warehouse, when it is the one asked for; another one is the forwarding cxr's mistake, said as such.</summary>
    public override IWarehouse OpenWarehouse(WarehouseOptions options)
    {
        if (options.Provider != warehouse.Options.Provider || options.DatabaseFile != warehouse.Options.DatabaseFile)
            throw new WarehouseException($"this server holds the warehouse {warehouse.Description}, not the one the command names; run it with the server stopped");
        return new BorrowedWarehouse(warehouse);
    }

    public override void WriteFile(string path, byte[] content) => _files.Add(new ForwardedFile(path, content));

    public override IAnsiConsole Console(TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = (ColorSystemSupport)terminal.ColorSystem,
        });
        console.Profile.Width = terminal.Width;
        console.Profile.Capabilities.Unicode = terminal.Unicode;
        return console;
    }
}
