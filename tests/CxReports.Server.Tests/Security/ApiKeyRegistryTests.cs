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

    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")] // FIPS 180-2's first example
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")] // its second: two blocks
    public void The_stored_form_is_the_lowercase_hex_SHA256_of_the_key(string key, string expected) => Assert.Equal(expected, ApiKeys.Hash(key));

    [Fact]
    public async Task Hashes_on_the_same_thread_and_on_many_at_once_carry_nothing_of_the_key_before()
    {
        const string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        var longKey = new string('k', 300);
        var ofLongKey = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(longKey)));
        Assert.Equal(abc, ApiKeys.Hash("abc"));
        Assert.Equal(ofLongKey, ApiKeys.Hash(longKey));
        Assert.Equal(abc, ApiKeys.Hash("abc"));

        var hashes = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => ApiKeys.Hash(i % 2 == 0 ? "abc" : longKey))));

        Assert.All(hashes.Where((_, i) => i % 2 == 0), h => Assert.Equal(abc, h));
        Assert.All(hashes.Where((_, i) => i % 2 == 1), h => Assert.Equal(ofLongKey, h));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(5000)]
    public void Keys_of_any_length_and_script_hash_as_their_UTF8_bytes_do(int length)
    {
        var key = string.Concat(Enumerable.Repeat("ğ€", length).SelectMany(s => s)).Substring(0, length); // 2- and 3-byte letters
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

        Assert.Equal(expected, ApiKeys.Hash(key));
        var registry = new ApiKeyRegistry();
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
