namespace CxReports.Engine.Statistics;

/// <summary>
/// How sure a change between two periods is: <see cref="Difference"/> is the later value minus the earlier, in the
/// metric's unit (NPS points, percentage points of a share, the mean's unit), <see cref="StandardError"/> its standard
/// error, <see cref="PValue"/> the two-sided probability of a change at least this large if nothing had changed, and
/// <see cref="Low"/>..<see cref="High"/> the confidence interval of the difference at <see cref="Level"/>.
/// </summary>
public sealed record ChangeSignificance(double Difference, double StandardError, double PValue, double Low, double High, double Level)
{
    /// <summary>Whether the change is significant at <see cref="Level"/>: its p-value is below 1 - level.</summary>
    public bool IsSignificant => PValue < 1 - Level;
}
