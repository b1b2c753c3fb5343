using System.Text.Json;
using CxReports.Engine.Warehouse;
using CxReports.Server.Host;
using CxReports.Server.Problems;
using CxReports.Server.Security;
using CxReports.Server.Serving;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>POST /api/cli</c> of <c>cxr serve</c>: runs a command forwarded by a <c>cxr</c> on this machine
/// (<see cref="ServerForwarding"/>) on the server's open warehouse, in its turn, and answers its exit code, output and
/// files. Only the secret of the server's <see cref="LocalServerFile"/> admits it (no API key does, and switching auth
/// off does not open it), and only the commands that need the warehouse run here. Keys it creates or revokes count
/// from the next request; a load is followed by a reload, so that what is served shows the new data.
/// </summary>
public static class ForwardedCommandEndpoint
{
    private const int MaxArgs = 256;
    private const int MaxArgLength = 64 * 1024;
    private const int MaxPathLength = 4096;
    private const int MaxTerminalWidth = 10_000;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ForwardedCommand.Route, Handle)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithMetadata(new ChangesState())
            .WithName("forwardCommand");

    private static async Task<IResult> Handle(HttpContext http, LocalServerAnnouncement announcement, WarehouseGate gate, ApiKeyStore keys,
        ModelReloader reloader, CancellationToken cancellation)
    {
        if (!announcement.Admits(http.Request.Headers[ForwardedCommand.SecretHeader].ToString()))
            return ServerProblem.Of(StatusCodes.Status401Unauthorized, "Not a forwarded command",
                $"this route runs cxr commands of this machine's user; they send the secret of the server's file next to the warehouse in {ForwardedCommand.SecretHeader}",
                ("header", ForwardedCommand.SecretHeader)).ToResult();
        ForwardedCommand? command;
        try
        {
            command = await http.Request.ReadFromJsonAsync<ForwardedCommand>(cancellation);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            command = null;
        }
        if (Refusal(command) is { } refused) return refused.ToResult();

        var name = CxrCommandLine.CommandName(command!.Args)!;
        var outcome = await gate.Run(warehouse => Run(command, warehouse), cancellation);
        // Done even if the caller has gone: the warehouse has changed, so the server must see it.
        if (name.StartsWith("keys ", StringComparison.Ordinal)) await keys.Refresh(CancellationToken.None);
        if (name == "load" && outcome.Exit != ExitCodes.Usage) await reloader.Reload("cxr load", CancellationToken.None);
        return TypedResults.Ok(outcome);
    }

    private static ForwardedOutcome Run(ForwardedCommand command, IWarehouse warehouse)
    {
        var host = new ServerCommandHost(warehouse, command.Terminal);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CxrCommandLine.Run([.. command.Args], stdout, stderr, command.WorkingDirectory, host);
        return new ForwardedOutcome(exit, stdout.ToString(), stderr.ToString(), host.Files);
    }

    /// <summary>400 naming the member at fault, or null when the command may run here.</summary>
    private static ServerProblem? Refusal(ForwardedCommand? command)
    {
        if (command is null)
            return ServerProblem.BadParameter("body", "the body must be a JSON object with args, workingDirectory and terminal");
        if (command.Args is null || command.Args.Count == 0 || command.Args.Count > MaxArgs)
            return ServerProblem.BadParameter("args", $"args must list the command line: 1 to {MaxArgs} arguments");
        if (command.Args.Any(a => a is null || a.Length > MaxArgLength || a.Contains('\0')))
            return ServerProblem.BadParameter("args", $"each argument is text of at most {MaxArgLength} characters without NUL");
        if (CxrCommandLine.CommandName(command.Args) is not { } name || !ServerForwarding.Commands.Contains(name))
            return ServerProblem.BadParameter("args", "the command line is not one that runs through the server", ServerForwarding.Commands.Order(StringComparer.Ordinal).ToArray());
        var directory = command.WorkingDirectory;
        if (string.IsNullOrEmpty(directory) || directory.Length > MaxPathLength || directory.Contains('\0') || !Path.IsPathFullyQualified(directory) || !Directory.Exists(directory))
            return ServerProblem.BadParameter("workingDirectory", "workingDirectory must be the absolute path of an existing directory");
        if (command.Terminal is null)
            return ServerProblem.BadParameter("terminal", "terminal must give width, ansi, colorSystem and unicode");
        if (command.Terminal.Width is < 1 or > MaxTerminalWidth)
            return ServerProblem.BadParameter("terminal.width", $"terminal.width must be a whole number from 1 to {MaxTerminalWidth}");
        if (!Enum.IsDefined((Spectre.Console.ColorSystem)command.Terminal.ColorSystem))
            return ServerProblem.BadParameter("terminal.colorSystem", "terminal.colorSystem must be 0 (none) to 4 (true colour)");
        return null;
    }
}
