using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Server.Problems;

namespace CxReports.Server.Serving;

/// <summary>
/// What the server serves right now: a valid model with the files it came from, and the version of every result
/// (a report's version changes exactly when its text, the shared definitions or the data of a source it reads do).
/// Replaced whole, never edited, so a request sees one consistent model from start to end.
/// </summary>
public sealed record ServingState(
    long Generation,
    DateTimeOffset Since,
    SemanticModel Model,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyDictionary<string, string> ReportVersions,
    string QueryVersion,
    string DataVersion,
    IReadOnlyList<SourceStatus> Sources);

/// <summary>
/// A source as last loaded: status of the last attempt, rows and errors, when it was last loaded successfully, and
/// why the last attempt failed (a refused shrink says so; the rows are still the last good load's), and where the
/// last good load's data ends on the source's time axis (<c>2026-10-15</c>, or an instant in UTC; null without a time field).
/// </summary>
public sealed record SourceStatus(string Source, string Status, long Rows, long Errors, DateTimeOffset? LoadedAt, string? Error = null, string? DataThrough = null);

/// <summary>A model change that was refused: when, and the diagnostics that refused it.</summary>
public sealed record ReloadFailure(DateTimeOffset At, string Trigger, IReadOnlyList<Diagnostic> Diagnostics, string Message);

/// <summary>Holds the current <see cref="ServingState"/> (swapped atomically) and the last refused change, if any since.</summary>
public sealed class ServingStore
{
    private volatile ServingState? _current;
    private volatile ReloadFailure? _lastFailure;

    public ServingState? Current => _current;
    public ReloadFailure? LastFailure => _lastFailure;

    /// <summary>The state, for requests that need a model; none is serving while the files have been wrong since start.</summary>
    public ServingState State => _current ?? throw new NoModelServingException();

    internal void Accept(ServingState state)
    {
        _current = state;
        _lastFailure = null;
    }

    internal void Refuse(ReloadFailure failure) => _lastFailure = failure;
}
