namespace CxReports.Server.Security;

/// <summary>
/// The rule of an <c>Authorization</c> header that names an API key: <c>Bearer &lt;key&gt;</c> (the word in any case,
/// the key trimmed), the key known to the <see cref="ApiKeyRegistry"/> by its hash. One rule, read by the auth handler
/// and by the cached-report shortcut, so the two can never disagree on who is let in.
/// </summary>
public static class BearerKey
{
    public const string NotBearer = "the Authorization header must be 'Bearer <api key>'";

    public const string Unknown = "the API key is not known (keys are created with: cxr keys create --scope read|run|admin)";

    /// <summary>The registered key a non-empty header names, or why it names none (<see cref="NotBearer"/>, <see cref="Unknown"/>).</summary>
    public static (StoredApiKey? Key, string? Failure) Find(string header, ApiKeyRegistry keys)
    {
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (null, NotBearer);
        return keys.Find(header.AsSpan("Bearer ".Length).Trim()) is { } key ? (key, null) : (null, Unknown);
    }
}
