using System.CommandLine;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr keys create --scope read|run|admin</c>: makes an API key, stores only its SHA-256 in the warehouse and prints
/// the key once, alone on the last line of stdout. The server reads keys at start and on <c>POST /api/reload</c>.
/// <c>cxr keys rotate-share-secret</c> revokes every share link.
/// </summary>
public static class KeysCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var scope = new Option<string>("--scope") { Description = "read (reports, queries, checks), run (also run-now) or admin (also reload)", Required = true };
        scope.AcceptOnlyFromAmong([.. ApiKeys.ScopeNames]);
        var warehousePath = new Option<string?>("--warehouse-file") { Description = "The DuckDB warehouse file, when the server's Cxr:WarehousePath moves it out of --data" };
        var create = new Command("create", "Create an API key; it is printed once and only its hash is kept");
        create.Options.Add(scope);
        create.Options.Add(warehousePath);
        create.SetAction(parse =>
        {
            var granted = ApiKeys.ParseScope(parse.GetValue(scope)!)!.Value;
            var key = ApiKeys.Generate();
            try
            {
                using var warehouse = Warehouses.Open(options.WarehouseFor(parse, parse.GetValue(warehousePath)));
                var stored = ApiKeyTable.Add(warehouse, key, granted, DateTimeOffset.UtcNow);
                stderr.WriteLine($"created {granted.Name()} key {stored.Id} (its hash is stored in the {warehouse.Dialect.Name} warehouse); it is shown once, keep it now");
            }
            catch (Exception e) when (e is WarehouseException or System.Data.Common.DbException)
            {
                stderr.WriteLine($"cxr keys: the warehouse could not be written ({e.Message.Split('\n')[0]}); if cxr serve is running on it, stop it first");
                return ExitCodes.Errors;
            }
            stdout.WriteLine(key);
            return ExitCodes.Ok;
        });
        var command = new Command("keys", "Manage API keys of the HTTP server");
        command.Subcommands.Add(create);
        command.Subcommands.Add(RotateShareSecret(options, warehousePath, stdout));
        return command;
    }

    /// <summary>
    /// <c>cxr keys rotate-share-secret</c>: writes a new share secret, so every share link minted before stops working
    /// (a running server reads the secret for each link, so no restart is needed). Prints the secret file's path.
    /// </summary>
    private static Command RotateShareSecret(CommonOptions options, Option<string?> warehousePath, TextWriter stdout)
    {
        var rotate = new Command("rotate-share-secret", "Revoke every share link at once by writing a new share secret");
        rotate.Options.Add(warehousePath);
        rotate.SetAction(parse =>
        {
            var access = new Settings.AccessOptions { SecretsDirectory = options.Configuration[Settings.AccessOptions.Section + ":SecretsDirectory"] };
            var directory = SecretsDirectory.For(access, options.WarehouseFor(parse, parse.GetValue(warehousePath)));
            stdout.WriteLine($"share links minted before are revoked: new secret in {ShareSecret.Rotate(directory)}");
            return ExitCodes.Ok;
        });
        return rotate;
    }
}
