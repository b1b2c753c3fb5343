namespace CxReports.Engine.Scheduling;

/// <summary>What one attempt at a delivery target recorded; stored in the run log as its <see cref="StatusText"/> (<c>in_doubt</c>).</summary>
public enum DeliveryStatus
{
    /// <summary>About to hand the documents to the channel; left so only if the process stopped during the attempt.</summary>
    Sending,

    /// <summary>A transient failure; another attempt follows.</summary>
    Retrying,

    /// <summary>The channel took the documents.</summary>
    Delivered,

    /// <summary>An earlier run delivered this target for the same slot, so it is not sent again.</summary>
    AlreadyDelivered,

    /// <summary>An email attempt was cut off before its outcome was known; never resent, so it is never sent twice.</summary>
    InDoubt,

    /// <summary>Not delivered, and not retried.</summary>
    Failed,
}
