using System.CommandLine;
using CxReports.Server.Host;
using CxReports.Server.Problems;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr serve [--urls URL] [--no-auth]</c>: the HTTP server. With no flags it serves <c>./reports</c> over the demo
/// data (written on first start), on <see cref="CxrServer.DefaultUrl"/>; the address it listens on is the one line on
/// stdout. Settings come from appsettings.json, environment variables (<c>Cxr__QueryTimeoutSeconds=30</c>) and flags.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {CxrServer.DefaultUrl}; port 0 picks a free one)" };
        var noAuth = new Option<bool>("--no-auth") { Description = "Serve without API keys: every caller may read, run and reload (development only)" };
        var command = new Command("serve", "Serve reports, queries and checks over HTTP");
        command.Options.Add(urls);
        command.Options.Add(noAuth);
        command.SetAction(parse =>
        {
            var settings = new Dictionary<string, string?>();
            if (parse.GetResult(options.Reports) is { Implicit: false }) settings["Cxr:ReportsDirectory"] = options.FullPath(parse.GetValue(options.Reports)!);
            if (parse.GetResult(options.Data) is { Implicit: false }) settings["Cxr:DataDirectory"] = options.FullPath(parse.GetValue(options.Data)!);
            if (parse.GetValue(options.Warehouse) is { } provider) settings["Warehouse:Provider"] = provider;
            if (parse.GetValue(options.Connection) is { } connection) settings["Warehouse:ConnectionString"] = connection;
            if (parse.GetValue(urls) is { } url) settings["urls"] = url;
            if (parse.GetValue(noAuth)) settings["Cxr:Auth:Enabled"] = "false";
            return Serve(settings, options.WorkingDirectory, stdout, stderr);
        });
        return command;
    }

    /// <summary>
    /// Builds and runs the server until it is stopped, printing each address it listens on followed by
    /// <paramref name="path"/>; <paramref name="customize"/> adds to its services (cxr preview), and errors name <paramref name="command"/>.
    /// </summary>
    public static int Serve(IReadOnlyDictionary<string, string?> settings, string workingDirectory, TextWriter stdout, TextWriter stderr,
        Action<WebApplicationBuilder>? customize = null, string path = "", string command = "serve")
    {
        WebApplication app;
        try
        {
            // Whatever serves the warehouse announces itself, so that cxr commands beside it go through it.
            app = CxrServer.Build(settings, builder =>
            {
                LocalServerAnnouncement.AddTo(builder.Services);
                customize?.Invoke(builder);
            }, contentRoot: workingDirectory);
            ForwardedCommandEndpoint.Map(app);
            app.Start();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) stderr.WriteLine($"cxr {command}: {failure}");
            return ExitCodes.Usage;
        }
        catch (WarehouseUnusableException e)
        {
            stderr.WriteLine($"cxr {command}: {e.Message}");
            return ExitCodes.Errors;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"cxr {command}: {e.Message}");
            return ExitCodes.Errors;
        }
        catch (Exception e) when (e is Engine.Warehouse.WarehouseException or System.Data.Common.DbException)
        {
            stderr.WriteLine($"cxr {command}: the warehouse could not be opened ({e.Message.Split('\n')[0]}); is another cxr using it?");
            return ExitCodes.Errors;
        }
        using (app)
        {
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
                stdout.WriteLine(address + path);
            stdout.Flush();
            app.WaitForShutdown();
        }
        return ExitCodes.Ok;
    }
}
