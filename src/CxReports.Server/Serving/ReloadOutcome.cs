using CxReports.Dsl.Diagnostics;
using CxReports.Engine.Loading;

namespace CxReports.Server.Serving;

/// <summary>
/// What a reload did: whether the model was accepted (if not, <see cref="State"/> is the one still serving), its
/// diagnostics and why it was refused, each source's load and which reports' cached results were dropped.
/// </summary>
public sealed record ReloadOutcome(
    bool Accepted,
    ServingState? State,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<LoadOutcome> Loads,
    IReadOnlyList<string> Invalidated,
    string? Refusal = null);
