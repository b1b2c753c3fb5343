using System.CommandLine;
using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Engine.Warehouse;
using CxReports.Server.Security;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr keys create --scope read|run|admin</c>: makes an API key, stores only its SHA-256 in the warehouse and prints
/// the key once, alone on the last line of stdout; <c>cxr keys list</c> prints each key's id, scope and creation time;
/// <c>cxr keys revoke ID</c> deletes a key. Beside a running server they go through it, which uses the change at once.
/// <c>cxr keys rotate-share-secret</c> revokes every share link.
/// </summary>
public static class KeysCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var warehousePath = new Option<string?>("--warehouse-file") { Description = "The DuckDB warehouse file, when the server's Cxr:WarehousePath moves it out of --data" };
        var command = new Command("keys", "Manage API keys of the HTTP server");
        command.Subcommands.Add(CreateKey(options, warehousePath, stdout, stderr));
        command.Subcommands.Add(ListKeys(options, warehousePath, stdout, stderr));
        command.Subcommands.Add(RevokeKey(options, warehousePath, stdout, stderr));
        command.Subcommands.Add(RotateShareSecret(options, warehousePath, stdout));
        return command;
    }

    private static Command CreateKey(CommonOptions options, Option<string?> warehousePath, TextWriter stdout, TextWriter stderr)
    {
        var scope = new Option<string>("--scope") { Description = "read (reports, queries, checks), run (also run-now) or admin (also reload)", Required = true };
        scope.AcceptOnlyFromAmong([.. ApiKeys.ScopeNames]);
        var create = new Command("create", "Create an API key; it is printed once and only its hash is kept");
        create.Options.Add(scope);
        create.Options.Add(warehousePath);
        create.SetAction(parse =>
        {
            var granted = ApiKeys.ParseScope(parse.GetValue(scope)!)!.Value;
            var key = ApiKeys.Generate();
            return InWarehouse(options, parse, warehousePath, stderr, warehouse =>
            {
                var stored = ApiKeyTable.Add(warehouse, key, granted, DateTimeOffset.UtcNow);
                stderr.WriteLine($"created {granted.Name()} key {stored.Id} (its hash is stored in the {warehouse.Dialect.Name} warehouse); it is shown once, keep it now");
                stdout.WriteLine(key);
                return ExitCodes.Ok;
            });
        });
        return create;
    }

    private static Command ListKeys(CommonOptions options, Option<string?> warehousePath, TextWriter stdout, TextWriter stderr)
    {
        var list = new Command("list", "List the API keys: id, scope and when it was created (UTC); never the keys themselves");
        list.Options.Add(warehousePath);
        list.SetAction(parse => InWarehouse(options, parse, warehousePath, stderr, warehouse =>
        {
            var keys = ApiKeyTable.All(warehouse);
            if (keys.Count == 0) stderr.WriteLine("no API keys (create one with: cxr keys create --scope read)");
            foreach (var key in keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal))
                stdout.WriteLine($"{key.Id}  {key.Scope.Name(),-5}  {key.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}");
            return ExitCodes.Ok;
        }));
        return list;
    }

    private static Command RevokeKey(CommonOptions options, Option<string?> warehousePath, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("id") { Description = "The key's id (8 hex digits, as cxr keys list shows it)" };
        var revoke = new Command("revoke", "Delete an API key: requests carrying it are refused from now on");
        revoke.Arguments.Add(id);
        revoke.Options.Add(warehousePath);
        revoke.SetAction(parse =>
        {
            var asked = parse.GetValue(id)!;
            if (!IsKeyId(asked))
            {
                stderr.WriteLine($"cxr keys revoke: '{Requests.RequestReader.Shorten(asked)}' is not a key id (8 hex digits, as cxr keys list shows it; never the key itself)");
                return ExitCodes.Usage;
            }
            return InWarehouse(options, parse, warehousePath, stderr, warehouse =>
            {
                if (ApiKeyTable.Remove(warehouse, asked) > 0)
                {
                    stderr.WriteLine($"revoked key {asked}");
                    return ExitCodes.Ok;
                }
                var ids = ApiKeyTable.All(warehouse).Select(k => k.Id).Order(StringComparer.Ordinal).ToArray();
                stderr.WriteLine($"cxr keys revoke: no key '{asked}'" + (DidYouMean.Hint(asked, ids) is { } hint ? $"; {hint}" : "") +
                                 (ids.Length == 0 ? " (there are no keys)" : $" (keys: {string.Join(", ", ids)})"));
                return ExitCodes.Errors;
            });
        });
        return revoke;
    }

    private static bool IsKeyId(string text) => text.Length == 8 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>Runs <paramref name="work"/> on the warehouse; a warehouse that cannot be opened or written is one line and exit 1.</summary>
    private static int InWarehouse(CommonOptions options, ParseResult parse, Option<string?> warehousePath, TextWriter stderr, Func<IWarehouse, int> work)
    {
        try
        {
            using var warehouse = options.Host.OpenWarehouse(options.WarehouseFor(parse, parse.GetValue(warehousePath)));
            return work(warehouse);
        }
        catch (Exception e) when (e is WarehouseException or System.Data.Common.DbException)
        {
            stderr.WriteLine($"cxr keys: the warehouse could not be written ({e.Message.Split('\n')[0]}); if cxr serve is running on it, stop it first");
            return ExitCodes.Errors;
        }
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
