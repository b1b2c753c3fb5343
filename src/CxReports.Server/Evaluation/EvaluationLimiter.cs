using System.Threading.RateLimiting;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Admits at most <see cref="CxrServerOptions.MaxConcurrentEvaluations"/> evaluations at once with a bounded queue
/// behind them; past that a request is refused at once (503) rather than piling up. Cached results never pass here.
/// </summary>
public sealed class EvaluationLimiter(IOptions<CxrServerOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentEvaluations,
        QueueLimit = options.Value.EvaluationQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private long _admitted;

    /// <summary>Evaluations admitted so far: each is one real evaluation on the warehouse (cache hits never get here).</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>A lease to hold while evaluating, or null when the server is at its limit.</summary>
    public async Task<RateLimitLease?> Enter(CancellationToken cancellation)
    {
        var lease = await _limiter.AcquireAsync(1, cancellation);
        if (lease.IsAcquired)
        {
            Interlocked.Increment(ref _admitted);
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The evaluation limit was reached: the request is answered with 503 and Retry-After.</summary>
public sealed class ServerBusyException() : Exception("the server is evaluating as many reports as it allows (Cxr:MaxConcurrentEvaluations + Cxr:EvaluationQueueLimit); retry shortly");
