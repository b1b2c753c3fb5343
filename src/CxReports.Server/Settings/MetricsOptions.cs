namespace CxReports.Server.Settings;

/// <summary>
/// The <c>/metrics</c> scrape endpoint. It needs a key with the read scope unless <see cref="Anonymous"/>: what it shows
/// is counts and durations labelled with report, source and channel names (never data values, parameters or secrets).
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> without a key (for a Prometheus that cannot send one, on a trusted network).</summary>
    public bool Anonymous { get; set; }
}
