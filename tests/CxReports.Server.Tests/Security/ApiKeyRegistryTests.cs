using CxReports.Server.Security;

namespace CxReports.Server.Tests.Security;

/// <summary>
/// What the registry admits: a key revoked after it was used is refused from the next lookup, a key registered again
/// carries its new scope, and only the exact key is found.
/// </summary>
public sealed class ApiKeyRegistryTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static StoredApiKey Registration(string key, ApiScope scope) => new(ApiKeys.Hash(key)[..8], ApiKeys.Hash(key), scope, Created);

    [Fact]
    public void A_key_verified_before_it_is_revoked_is_refused_after()
    {
        var registry = new ApiKeyRegistry();
        const string reader = "cxr_reader-0000000000000000000000000000000000000", admin = "cxr_admin-00000000000000000000000000000000000000";
        registry.Replace([Registration(reader, ApiScope.Read), Registration(admin, ApiScope.Admin)]);
        Assert.Equal(ApiScope.Read, registry.Find(reader)?.Scope);
        Assert.Equal(ApiScope.Read, registry.Find(reader)?.Scope);

        registry.Replace([Registration(admin, ApiScope.Admin)]); // what revoking the reader does

        Assert.Null(registry.Find(reader));
        Assert.Equal(ApiScope.Admin, registry.Find(admin)?.Scope);
    }

    [Fact]
    public void A_key_registered_again_with_another_scope_is_found_with_the_new_one()
    {
        var registry = new ApiKeyRegistry();
        const string key = "cxr_rescoped-000000000000000000000000000000000000";
        registry.Replace([Registration(key, ApiScope.Admin)]);
        Assert.Equal(ApiScope.Admin, registry.Find(key)?.Scope);

        registry.Replace([Registration(key, ApiScope.Read)]);

        Assert.Equal(ApiScope.Read, registry.Find(key)?.Scope);
    }

    [Fact]
    public void A_key_differing_only_in_case_or_by_a_character_is_refused()
    {
        var registry = new ApiKeyRegistry();
        const string key = "cxr_CaseMatters-00000000000000000000000000000000";
        registry.Replace([Registration(key, ApiScope.Read)]);
        Assert.NotNull(registry.Find(key));

        Assert.Null(registry.Find(key.ToLowerInvariant()));
        Assert.Null(registry.Find(key[..^1] + "1"));
        Assert.Null(registry.Find(key + "\0"));
        Assert.Null(registry.Find(""));
    }
}
