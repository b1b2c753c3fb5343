using System.Security.Cryptography;
using System.Text;

namespace CxReports.Engine.Planning;

/// <summary>
/// How the pre-aggregates made at load are named: a prefix every version of one shares (the loader drops the older
/// one when it makes a new one), then a hash of its definition and of the loads it is made from, so a statement reads
/// the pre-aggregate of the data it would read itself or none; within PostgreSQL's 63-byte identifiers, which it would
/// otherwise cut short.
/// </summary>
public static class DerivedTableName
{
    /// <summary>A SHA-256 of the text in lower-case hex.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The prefix of a source's pre-aggregate of one <paramref name="kind"/>: <c>{source}__{kind}_</c>, or
    /// <c>{kind}__{hash of the source's name}_</c> where the name passes 40 bytes.
    /// </summary>
    public static string Prefix(string source, string kind) =>
        Encoding.UTF8.GetByteCount(source) <= 40 ? $"{source}__{kind}_" : $"{kind}__{Hash(source)[..16]}_";

    /// <summary>The name: the prefix and the first 16 digits of the hash of what makes the table.</summary>
    public static string Of(string prefix, string definition) => prefix + Hash(definition)[..16];
}
