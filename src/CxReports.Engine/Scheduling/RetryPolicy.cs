namespace CxReports.Engine.Scheduling;

/// <summary>Exponential backoff for transient delivery failures: base, doubled each attempt, capped.</summary>
public sealed record RetryPolicy(int MaxAttempts = 5, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    public TimeSpan DelayBefore(int attempt)
    {
        var baseDelay = BaseDelay ?? TimeSpan.FromSeconds(2);
        var cap = MaxDelay ?? TimeSpan.FromMinutes(1);
        var delay = TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Min(attempt - 2, 20)));
        return delay < cap ? delay : cap;
    }
}
