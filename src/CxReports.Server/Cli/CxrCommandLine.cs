using System.CommandLine;
using CxReports.Server.Problems;

namespace CxReports.Server.Cli;

/// <summary>
/// The <c>cxr</c> command line: parses arguments, runs one command, returns its exit code (0 ok, 1 diagnostics or
/// data errors, 2 usage). Results go to <c>stdout</c>; everything else to <c>stderr</c>.
/// </summary>
public static class CxrCommandLine
{
    /// <summary>Runs one command line; relative paths are read from <c>workingDirectory</c> (default: the current directory).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? workingDirectory = null)
    {
        var options = new CommonOptions(workingDirectory ?? Directory.GetCurrentDirectory());
        var root = new RootCommand("CxReports: customer-experience reports from CXR files over your data.");
        root.Options.Add(options.Reports);
        root.Options.Add(options.Data);
        root.Options.Add(options.Warehouse);
        root.Options.Add(options.Connection);
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

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A mistyped option echoes its value, which may be a connection string.
            foreach (var error in parsed.Errors) stderr.WriteLine($"cxr: {Passwords.Redacted(error.Message)}");
            stderr.WriteLine("Run 'cxr --help' for usage.");
            return ExitCodes.Usage;
        }
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
}
