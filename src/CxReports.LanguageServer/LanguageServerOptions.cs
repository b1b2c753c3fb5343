namespace CxReports.LanguageServer;

/// <summary>How <c>cxr lsp</c> runs: where relative paths start, the reports directory, and its limits.</summary>
public sealed record LanguageServerOptions(string WorkingDirectory, string? ReportsDirectory)
{
    /// <summary>The largest message read (16 MiB: a 2,000-line model is about 100 KB); a larger one is skipped and answered with an error.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// An extra pause after a change before binding (the client may set <c>debounceMilliseconds</c> at initialize).
    /// None by default: changes typed while a binding runs are already gathered into the next one, so bursts cost one
    /// binding each, and a pause would only add to the wait (a 2,000-line model binds in about 40 ms).
    /// </summary>
    public int DebounceMilliseconds { get; init; }
}
