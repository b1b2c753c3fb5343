namespace CxReports.Engine.Scheduling;

/// <summary>
/// Watches the runs of a <see cref="ReportRunner"/> or <see cref="AlertRunner"/> as they happen (the server logs and
/// counts them); the runner knows nothing of how. Both methods are called on the run's own flow, so what <see cref="Starting"/> holds (a log scope)
/// covers everything the run does, its deliveries included.
/// </summary>
public interface IRunObserver
{
    /// <summary>A run starts or resumes; disposing the result marks the end of its work.</summary>
    IDisposable? Starting(string runId, string report, string trigger);

    /// <summary>A run has ended (recorded in the run log) with <paramref name="outcome"/>.</summary>
    void Finished(string report, RunOutcome outcome);
}
