using System.Text.Json;

namespace CxReports.Server.Tests.Http;

/// <summary>The document an API team would publish (architecture.md): the points Redocly's recommended rules check.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class OpenApiTests(SharedServer shared)
{
    private async Task<JsonElement> Document() => await (await shared.Server.Client().GetAsync("/openapi/v1.json")).Json();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value)));

    [Fact]
    public async Task Every_operation_has_a_summary_a_unique_operation_id_and_a_success_response()
    {
        var operations = Operations(await Document()).ToArray();
        Assert.Equal(20, operations.Length); // 14, POST /api/reports/{name}/share, the three of /api/keys and the two of /api/alerts
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Method} {o.Path}"));
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(operations, o => Assert.Contains(o.Operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2')));
    }

    [Fact]
    public async Task Every_api_operation_documents_its_4xx_responses_including_401_and_403_where_a_scope_is_needed()
    {
        foreach (var (path, method, operation) in Operations(await Document()).Where(o => o.Path.StartsWith("/api/")))
        {
            var codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
            Assert.Contains("401", codes);
            if (operation.GetProperty("operationId").GetString() is "reload" or "runReport" or "shareReport") Assert.Contains("403", codes);
            Assert.All(codes.Where(c => c.StartsWith('4')), c =>
                Assert.True(operation.GetProperty("responses").GetProperty(c).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path} {c}"));
        }
    }

    [Fact]
    public async Task The_bearer_scheme_is_declared_and_required_and_health_routes_are_public()
    {
        var document = await Document();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _));
        foreach (var (path, _, operation) in Operations(document))
        {
            var isPublic = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            Assert.Equal(path.StartsWith("/health/"), isPublic);
        }
        Assert.All(document.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("description").GetString())));
        Assert.False(document.GetProperty("servers")[0].GetProperty("url").GetString()!.EndsWith('/'));
    }
}
