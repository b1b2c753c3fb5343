using CxReports.Dsl.Diagnostics;

namespace CxReports.Engine.Loading;

/// <summary>What happened to a source: loaded, left as it was because its files did not change, or failed.</summary>
public enum LoadStatus { Loaded, Unchanged, Failed }

/// <summary>
/// The result of loading one source. On failure <see cref="Diagnostics"/> names every bad row (the first 100) with
/// file, line, column, value and reason, and <see cref="ErrorCount"/> counts them all; the live table is untouched.
/// </summary>
public sealed record LoadOutcome(
    string Source,
    LoadStatus Status,
    long Rows,
    int Files,
    long Bytes,
    TimeSpan Duration,
    IReadOnlyList<Diagnostic> Diagnostics,
    long ErrorCount)
{
    public double MegabytesPerSecond => Duration.TotalSeconds > 0 ? Bytes / 1e6 / Duration.TotalSeconds : 0;
}
