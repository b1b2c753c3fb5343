using CxReports.Server.Security;

namespace CxReports.Server.Tests.Security;

/// <summary>
/// The registry remembers keys it has verified so the next request skips the hash, without weakening what it admits:
/// a revoked key is refused from the next lookup, unknown keys are never remembered, and what is remembered never
/// outgrows the registrations.
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
        Assert.Equal(ApiScope.Read, registry.Find(reader)?.Scope); // now from the verified keys
        Assert.Equal(1, registry.VerifiedCount);

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
    public void Unknown_keys_are_never_remembered_and_known_ones_at_most_once_each()
    {
        var registry = new ApiKeyRegistry();
        string[] known = ["cxr_one-0000000000000000000000000000000000000000", "cxr_two-0000000000000000000000000000000000000000"];
        registry.Replace(known.Select(k => Registration(k, ApiScope.Read)));

        for (var i = 0; i < 1000; i++) Assert.Null(registry.Find($"cxr_guess-{i:D38}"));
        Assert.Equal(0, registry.VerifiedCount);

        for (var i = 0; i < 10; i++)
            foreach (var key in known) Assert.NotNull(registry.Find(key));
        Assert.Equal(2, registry.VerifiedCount);
        Assert.Equal(2, registry.Count);
    }

    [Fact]
    public void A_key_differing_only_in_case_or_by_a_character_is_not_the_verified_one()
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
