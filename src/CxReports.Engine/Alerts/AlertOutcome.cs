namespace CxReports.Engine.Alerts;

/// <summary>What one evaluation found for one segment.</summary>
public enum AlertOutcome
{
    /// <summary>The condition holds (and, with <c>significance</c>, the change is significant).</summary>
    Fired,

    /// <summary>The condition does not hold.</summary>
    Quiet,

    /// <summary>The <c>min</c> metric is below its minimum in a compared period: the segment is not judged.</summary>
    SuppressedByMinimum,

    /// <summary>The condition holds but the change is not significant (or the test is undefined): it may be noise.</summary>
    SuppressedBySignificance,

    /// <summary>No value in the period (or, for a change, in the earlier one): nothing to judge.</summary>
    NoData,
}
