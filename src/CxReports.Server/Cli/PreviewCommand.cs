using System.CommandLine;
using CxReports.Server.Pages;
using CxReports.Server.Requests;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr preview [REPORT] [--port N]</c>: the pages of the reports directory for the author writing it, on
/// 127.0.0.1 only and without keys. Prints the page's address (one line on stdout) and opens nothing; every page
/// reloads itself when a saved .cxr file is accepted, and shows a save that does not compile (file:line:col, message,
/// hint) above the last good version.
/// </summary>
public static class PreviewCommand
{
    public const int DefaultPort = 5081;

    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var report = new Argument<string?>("REPORT") { Description = "The report whose page to print (default: the list of reports)", Arity = ArgumentArity.ZeroOrOne };
        var port = NumberOption.Within(new Option<int>("--port") { Description = $"The loopback port (default {DefaultPort}; 0 picks a free one)", DefaultValueFactory = _ => DefaultPort }, 0, 65535);
        var command = new Command("preview", "Serve the reports' pages on this machine while you edit them; pages update on save");
        command.Arguments.Add(report);
        command.Options.Add(port);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(report);
            if (name is not null && RequestReader.CheckName(name) is { } bad)
            {
                stderr.WriteLine($"cxr preview: {bad.Detail}");
                return ExitCodes.Usage;
            }
            // Loopback only and never other machines: without keys, the address must not be reachable from elsewhere.
            var settings = new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{parse.GetValue(port)}",
                ["Cxr:Auth:Enabled"] = "false",
                ["Cxr:WatchReports"] = "true",
                // An author waits for the page after each save: a shorter quiet time than a server's 300 ms (an
                // editor's burst of writes is over within it).
                ["Cxr:ReloadDebounceMilliseconds"] = "100",
                ["Cxr:ReportsDirectory"] = options.FullPath(parse.GetValue(options.Reports)!),
            };
            if (parse.GetResult(options.Data) is { Implicit: false }) settings["Cxr:DataDirectory"] = options.FullPath(parse.GetValue(options.Data)!);
            if (parse.GetValue(options.Warehouse) is { } provider) settings["Warehouse:Provider"] = provider;
            if (parse.GetValue(options.Connection) is { } connection) settings["Warehouse:ConnectionString"] = connection;
            return ServeCommand.Serve(settings, options.WorkingDirectory, stdout, stderr,
                builder => builder.Services.AddSingleton(new PreviewMode()), name is null ? "/" : $"/reports/{name}", "preview");
        });
        return command;
    }
}
