using Polly;
using Polly.Retry;

namespace CxReports.Engine.Scheduling;

/// <summary>
/// Retries of a delivery whose channel failed transiently (<see cref="DeliveryException.Transient"/>): at most
/// <paramref name="MaxAttempts"/> attempts in all, waiting exponentially longer between them: the base (2 s), then
/// doubled each time, capped (1 min), without jitter.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts = 5, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    /// <summary>
    /// The retries as a pipeline that waits on <paramref name="time"/>; <paramref name="retrying"/> hears each transient
    /// failure that is tried again, and how long it waits before trying.
    /// </summary>
    public ResiliencePipeline Pipeline(TimeProvider time, Action<DeliveryException, TimeSpan> retrying)
    {
        if (MaxAttempts <= 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DeliveryException>(e => e.Transient),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = BaseDelay ?? TimeSpan.FromSeconds(2),
            MaxDelay = MaxDelay ?? TimeSpan.FromMinutes(1),
            OnRetry = args =>
            {
                retrying((DeliveryException)args.Outcome.Exception!, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }
}
