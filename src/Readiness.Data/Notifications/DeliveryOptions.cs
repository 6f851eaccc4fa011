namespace Readiness.Data.Notifications;

/// <summary>The <c>Readiness:Notifications:Delivery</c> section: how the outbox is worked off.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Tries in all (counting every HTTP request or SMTP session) before a delivery becomes a dead letter (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Retries right after a failed try, inside one claim, with exponential backoff and jitter (default 2).</summary>
    public int RetriesPerClaim { get; set; } = 2;

    /// <summary>The first retry delay inside a claim; doubled each retry (default 2 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait before the next claim after a claim's tries all failed; doubled each time, at most one hour (default 1 min).</summary>
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest wait a receiver's <c>Retry-After</c> (on 429 or 503) is honoured for (default 15 min): the
    /// delivery is not retried inside the claim but claimed again after the receiver's wait, at most this long.
    /// </summary>
    public TimeSpan RetryAfterCap { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Timeout of one HTTP request or SMTP session (default 15 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Deliveries claimed at once by one server (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries sent in parallel by one server (default 8).</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How often the outbox is polled when nothing nudged it (default 2 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
