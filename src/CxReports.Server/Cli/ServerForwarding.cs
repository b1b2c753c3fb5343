using System.CommandLine;
using System.Diagnostics;
using System.CommandLine.Parsing;
using System.Net;
using System.Text.Json;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;

namespace CxReports.Server.Cli;

/// <summary>
/// Chooses where a command runs. DuckDB lets one process open the warehouse file, so while <c>cxr serve</c> holds it,
/// <c>query</c>, <c>run</c>, <c>explain</c>, <c>load</c> and <c>keys</c> go through that server: found by the
/// <see cref="LocalServerFile"/> next to the warehouse the command would open, and admitted by its secret. The server
/// runs the same command on its open warehouse and sends back its exit code, output and files, so what the user sees
/// is what the command prints in process, after one line on stderr naming the server. A file left by a server that is
/// gone, or one that does not answer or refuses the secret, is ignored: the command runs in process.
/// </summary>
public static class ServerForwarding
{
    /// <summary>The commands that go through a running server.</summary>
    public static readonly IReadOnlySet<string> Commands = new HashSet<string>(StringComparer.Ordinal)
        { "query", "run", "explain", "load", "keys create", "keys list", "keys revoke", "alert check", "alert list" };

    /// <summary>How long a server named by the file has to show it is alive before the command runs in process instead.</summary>
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(3);

    /// <summary>The command a parse names, its parents first ("keys create"); null for the root.</summary>
    public static string? NameOf(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent) names.Insert(0, result.Command.Name);
        return names.Count == 0 ? null : string.Join(' ', names);
    }

    /// <summary>
    /// The exit code of the command run by the server that holds its warehouse, its output written here; null when no
    /// such server is running (or the command is not one it runs), and the command runs in process.
    /// </summary>
    public static int? Forward(ParseResult parsed, CommonOptions options, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        // Asking for help is answered here, whatever the command.
        if (NameOf(parsed) is not { } name || !Commands.Contains(name) || parsed.Action != parsed.CommandResult.Command.Action) return null;
        if (Running(parsed, options) is not { } server) return null;
        return ForwardAsync(server, parsed, options, args, stdout, stderr).GetAwaiter().GetResult();
    }

    /// <summary>The server holding the warehouse this command would open, if one is listening.</summary>
    private static LocalServerFile? Running(ParseResult parsed, CommonOptions options)
    {
        string path;
        try
        {
            var file = parsed.CommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--warehouse-file");
            path = LocalServerFile.PathFor(options.WarehouseFor(parsed, file is null ? null : parsed.GetValue(file)).DatabaseFile);
        }
        catch (WarehouseException)
        {
            return null; // the command says what is wrong with the warehouse it was given
        }
        if (LocalServerFile.Read(path) is not { } server) return null;
        if (IsRunning(server.ProcessId)) return server;
        try
        {
            File.Delete(path); // its server is gone (killed, or the machine stopped); nobody else will remove it
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next command to ignore again.
        }
        return null;
    }

    private static async Task<int?> ForwardAsync(LocalServerFile server, ParseResult parsed, CommonOptions options, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = Probe })
        {
            BaseAddress = new Uri(server.Address),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!await Answers(http)) return null;

        var seconds = parsed.GetValue(options.ServerTimeout);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, ForwardedCommand.Route)
        {
            Content = JsonContent.Create(new ForwardedCommand(args, options.WorkingDirectory, Terminal(stdout))),
        };
        request.Headers.Add(ForwardedCommand.SecretHeader, server.Secret);
        ForwardedOutcome? outcome;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            // Not this server's secret: the file is another server's, left behind; the command runs here.
            if (response.StatusCode == HttpStatusCode.Unauthorized) return null;
            if (!response.IsSuccessStatusCode)
            {
                stderr.WriteLine($"cxr: the server at {server.Address} refused the command: {await Detail(response, timeout.Token)}");
                return (int)response.StatusCode < 500 ? ExitCodes.Usage : ExitCodes.Errors;
            }
            outcome = await response.Content.ReadFromJsonAsync<ForwardedOutcome>(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            stderr.WriteLine($"cxr: the server at {server.Address} did not answer within {seconds} s (--server-timeout); the command's outcome is unknown");
            return ExitCodes.ServerLost;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
        {
            stderr.WriteLine($"cxr: the server at {server.Address} stopped during the command ({Reason(e)}); its outcome is unknown: run it again");
            return ExitCodes.ServerLost;
        }
        if (outcome is null)
        {
            stderr.WriteLine($"cxr: the server at {server.Address} answered nothing; the command's outcome is unknown");
            return ExitCodes.ServerLost;
        }

        stderr.WriteLine($"cxr: through the server at {server.Address} (cxr serve holds the warehouse)");
        stderr.Write(outcome.Stderr);
        stdout.Write(outcome.Stdout);
        return Write(outcome, OutputFiles(parsed, options), stderr) ?? outcome.Exit;
    }

    /// <summary>Whether the server answers <c>/health/live</c> within <see cref="Probe"/>.</summary>
    private static async Task<bool> Answers(HttpClient http)
    {
        try
        {
            using var probe = new CancellationTokenSource(Probe);
            using var live = await http.GetAsync("/health/live", probe.Token);
            return live.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>What this terminal supports, as the command's tables would find it in process.</summary>
    private static TerminalFacts Terminal(TextWriter stdout)
    {
        var profile = CommandHost.InProcess.Console(stdout).Profile;
        return new TerminalFacts(profile.Width, profile.Capabilities.Ansi, (int)profile.Capabilities.ColorSystem, profile.Capabilities.Unicode);
    }

    /// <summary>The files the command line asks for (<c>-o FILE</c>): the only ones written from what the server sends.</summary>
    private static HashSet<string> OutputFiles(ParseResult parsed, CommonOptions options) =>
        parsed.CommandResult.Command.Options.OfType<Option<string?>>().Where(o => o.Name == "-o")
            .Select(o => parsed.GetValue(o)).OfType<string>().Select(options.FullPath).ToHashSet(StringComparer.Ordinal);

    /// <summary>Writes the files the command wrote; an exit code when one could not be written or was not asked for.</summary>
    private static int? Write(ForwardedOutcome outcome, HashSet<string> asked, TextWriter stderr)
    {
        foreach (var file in outcome.Files)
        {
            if (!asked.Contains(file.Path))
            {
                stderr.WriteLine($"cxr: the server sent a file the command did not ask for ('{file.Path}'); it was not written");
                return ExitCodes.Errors;
            }
            try
            {
                File.WriteAllBytes(file.Path, file.Content);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"cxr: '{file.Path}' could not be written ({e.Message})");
                return ExitCodes.Errors;
            }
        }
        return null;
    }

    private static async Task<string> Detail(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                return detail.GetString()!;
        }
        catch (JsonException)
        {
            // Not problem+json: the status says enough.
        }
        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>The innermost reason a connection failed, in one line ("Connection reset by peer").</summary>
    private static string Reason(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message.Split('\n', 2)[0].Trim();
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
