namespace CxReports.Engine.Scheduling;

/// <summary>Where a run is or how it ended; stored in the run log as its <see cref="StatusText"/> (<c>partial</c>).</summary>
public enum RunStatus
{
    /// <summary>Started and not finished: still running, or left so by a process that stopped (then resumed).</summary>
    Running,

    /// <summary>Evaluated for a report that has nothing to deliver.</summary>
    Evaluated,

    /// <summary>Not delivered because the period has no data and the schedule skips when empty.</summary>
    Skipped,

    /// <summary>Every target delivered (now or by an earlier run of the slot).</summary>
    Delivered,

    /// <summary>Some targets delivered, some not.</summary>
    Partial,

    /// <summary>No target delivered, or the report could not be evaluated.</summary>
    Failed,
}
