using System.Text.Json;
using Carter;
using CxReports.Server.Problems;
using CxReports.Server.Requests;
using CxReports.Server.Security;
using CxReports.Server.Serving;

namespace CxReports.Server.Modules;

/// <summary>API keys: list them (never the keys themselves), create one (shown once) and revoke one; admin scope, effective at once.</summary>
public sealed class KeysModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").WithTags("Admin").RequiresScope(ApiScope.Admin).AcceptsOnly();

        keys.MapGet("", async (ApiKeyStore store, CancellationToken cancellation) =>
                TypedResults.Ok((await store.List(cancellation)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).Select(ApiKeyJson.From).ToArray()))
            .WithName("listKeys")
            .WithSummary("List the API keys")
            .WithDescription("Each key's id (the first 8 hex digits of its SHA-256), scope and creation time; the keys themselves are never kept.")
            .Produces<ApiKeyJson[]>();

        keys.MapPost("", async (HttpContext http, ApiKeyStore store, CancellationToken cancellation) =>
            {
                var (scope, problem) = await Scope(http.Request, cancellation);
                if (problem is not null) return problem.Send(http);
                var (key, stored) = await store.Create(scope, cancellation);
                return TypedResults.Created($"/api/keys/{stored.Id}", new CreatedApiKeyJson(stored.Id, stored.Scope.Name(), stored.CreatedAt, key));
            })
            .WithName("createKey")
            .WithMetadata(new ChangesState())
            .WithSummary("Create an API key")
            .WithDescription("Body: {\"scope\": \"read\" | \"run\" | \"admin\"}. Answers the key once (only its hash is kept); it admits requests at once.")
            .Produces<CreatedApiKeyJson>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        keys.MapDelete("/{id}", async (string id, HttpContext http, ApiKeyStore store, CancellationToken cancellation) =>
            {
                if (!IsKeyId(id))
                    return ServerProblem.BadParameter("id", $"'{RequestReader.Shorten(id)}' is not a key id (8 hex digits, as GET /api/keys lists them; never the key itself)").Send(http);
                return await store.Revoke(id, cancellation)
                    ? Results.NoContent()
                    : ServerProblem.Of(StatusCodes.Status404NotFound, "Unknown key", $"there is no key '{id}'", ("parameter", "id")).Send(http);
            })
            .WithName("revokeKey")
            .WithMetadata(new ChangesState())
            .WithSummary("Revoke an API key")
            .WithDescription("Deletes the key with this id; requests carrying it are refused from the next one.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static bool IsKeyId(string text) => text.Length == 8 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>The scope the body asks for, or the problem naming what is wrong with it.</summary>
    private static async Task<(ApiScope Scope, ServerProblem? Problem)> Scope(HttpRequest request, CancellationToken cancellation)
    {
        var wrongBody = ServerProblem.BadParameter("body", "the body must be a JSON object such as {\"scope\": \"read\"}", ApiKeys.ScopeNames);
        JsonElement body;
        try
        {
            body = await request.ReadFromJsonAsync<JsonElement>(cancellation);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (default, wrongBody);
        }
        if (body.ValueKind != JsonValueKind.Object) return (default, wrongBody);
        if (!body.TryGetProperty("scope", out var scope) || scope.ValueKind != JsonValueKind.String)
            return (default, ServerProblem.BadParameter("scope", "scope is required: read, run or admin", ApiKeys.ScopeNames));
        var text = scope.GetString()!;
        return ApiKeys.ParseScope(text) is { } parsed
            ? (parsed, null)
            : (default, ServerProblem.BadParameter("scope", $"'{RequestReader.Shorten(text)}' is not a scope" +
                (Dsl.Binding.DidYouMean.Suggest(text, ApiKeys.ScopeNames) is { } s ? $". Did you mean '{s}'?" : ""), ApiKeys.ScopeNames));
    }
}

/// <summary>A stored key as listed: id, scope and when it was created.</summary>
public sealed record ApiKeyJson(string Id, string Scope, DateTimeOffset CreatedAt)
{
    public static ApiKeyJson From(StoredApiKey key) => new(key.Id, key.Scope.Name(), key.CreatedAt);
}

/// <summary>A key just created: what is stored, and the key itself, which is shown this once.</summary>
public sealed record CreatedApiKeyJson(string Id, string Scope, DateTimeOffset CreatedAt, string Key);
