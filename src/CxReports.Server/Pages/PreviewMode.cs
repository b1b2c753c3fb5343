namespace CxReports.Server.Pages;

/// <summary>
/// Registered by <c>cxr preview</c> only: the pages follow the served model (server-sent events from each reload,
/// <see cref="PreviewEvents"/>) and show a refused change's diagnostics above the last good version.
/// </summary>
public sealed record PreviewMode
{
    /// <summary>At most this many pages follow the model at once (one stream each); preview is one author's loopback server.</summary>
    public const int MaxStreams = 32;
}
