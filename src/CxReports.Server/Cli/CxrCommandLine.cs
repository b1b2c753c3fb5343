using System.CommandLine;
using CxReports.Server.Problems;

namespace CxReports.Server.Cli;

/// <summary>
/// The <c>cxr</c> command line: parses arguments, runs one command, returns its exit code (<see cref="ExitCodes"/>).
/// Results go to <c>stdout</c>; everything else to <c>stderr</c>.
/// </summary>
public static class CxrCommandLine
{
    /// <summary>
    /// Runs one command line; relative paths are read from <c>workingDirectory</c> (default: the current directory);
    /// <c>host</c> gives its warehouse, files and console (default: this process's, <see cref="CommandHost.InProcess"/>).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? workingDirectory = null, CommandHost? host = null)
    {
        var options = new CommonOptions(workingDirectory ?? Directory.GetCurrentDirectory(), host);
        var parsed = Root(options, stdout, stderr).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A mistyped option echoes its value, which may be a connection string.
            foreach (var error in parsed.Errors) stderr.WriteLine($"cxr: {Passwords.Redacted(error.Message)}");
            stderr.WriteLine("Run 'cxr --help' for usage.");
            return ExitCodes.Usage;
        }
        // Beside a running server that holds the warehouse, the command goes through it (only from the cxr a user runs).
        if (host is null && ServerForwarding.Forward(parsed, options, args, stdout, stderr) is { } forwarded) return forwarded;
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (WarehouseUnusableException e)
        {
            stderr.WriteLine($"cxr: {e.Message}");
            return ExitCodes.Errors;
        }
        catch (Engine.Warehouse.WarehouseException e) // the warehouse chosen cannot be used as configured
        {
            stderr.WriteLine($"cxr: {Passwords.Redacted(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (System.Data.Common.DbException e) // the warehouse failed mid-command: a damaged file, a full disk
        {
            stderr.WriteLine($"cxr: {Described(e, options, parsed)}");
            return ExitCodes.Errors;
        }
    }

    private static RootCommand Root(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("CxReports: customer-experience reports from CXR files over your data.");
        root.Options.Add(options.Reports);
        root.Options.Add(options.Data);
        root.Options.Add(options.Warehouse);
        root.Options.Add(options.Connection);
        root.Options.Add(options.ServerTimeout);
        root.Subcommands.Add(CheckCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(FmtCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(DemoCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(LoadCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(QueryCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(PreviewCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(KeysCommand.Create(options, stdout, stderr));
        root.Subcommands.Add(LspCommand.Create(options, stderr));
        root.Subcommands.Add(AlertCommand.Create(options, stdout, stderr));
        return root;
    }

    /// <summary>The command a command line names ("query", "keys create"); null when it names none or does not parse.</summary>
    public static string? CommandName(IReadOnlyList<string> args)
    {
        var parsed = Root(new CommonOptions(Directory.GetCurrentDirectory()), TextWriter.Null, TextWriter.Null).Parse(args);
        return parsed.Errors.Count > 0 ? null : ServerForwarding.NameOf(parsed);
    }

    private static string Described(Exception e, CommonOptions options, ParseResult parsed)
    {
        try
        {
            return WarehouseFailure.Describe(e, options.WarehouseFor(parsed));
        }
        catch (Engine.Warehouse.WarehouseException)
        {
            return Passwords.Redacted(e.Message.Split('\n', 2)[0]);
        }
    }
}

/// <summary>The exit codes every command shares.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Errors = 1;
    public const int Usage = 2;

    /// <summary>The server a command went through stopped, or did not answer within <c>--server-timeout</c>: its outcome is unknown.</summary>
    public const int ServerLost = 3;

    /// <summary>The server is making a run the command would collide with (an alert's check still sending): run it again when that has finished.</summary>
    public const int Busy = 4;
}
