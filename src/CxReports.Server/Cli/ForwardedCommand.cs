namespace CxReports.Server.Cli;

/// <summary>
/// A <c>cxr</c> command line sent to the server that holds its warehouse: the arguments as typed, the directory they
/// are read from, and the terminal its tables are drawn for.
/// </summary>
public sealed record ForwardedCommand(IReadOnlyList<string> Args, string WorkingDirectory, TerminalFacts Terminal)
{
    /// <summary>The route the server answers forwarded commands on (a local secret, not an API key, admits them).</summary>
    public const string Route = "/api/cli";

    /// <summary>The header carrying the secret from the server's file next to the warehouse.</summary>
    public const string SecretHeader = "X-CxReports-Local-Secret";
}

/// <summary>What a forwarded command did: its exit code, the text it wrote to stdout and stderr, and the files it wrote.</summary>
public sealed record ForwardedOutcome(int Exit, string Stdout, string Stderr, IReadOnlyList<ForwardedFile> Files);

/// <summary>A file a forwarded command wrote, for the <c>cxr</c> that forwarded it to write (at its absolute path).</summary>
public sealed record ForwardedFile(string Path, byte[] Content);

/// <summary>
/// What the forwarding terminal supports, so that a table drawn on the server is the one the terminal would draw: its
/// width, ANSI escapes, colour system (Spectre's <c>ColorSystem</c> value) and Unicode box characters.
/// </summary>
public sealed record TerminalFacts(int Width, bool Ansi, int ColorSystem, bool Unicode);
