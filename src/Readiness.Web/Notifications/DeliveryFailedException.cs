using Readiness.Data.Notifications;

namespace Readiness.Web.Notifications;

/// <summary>
/// A try to deliver failed. <see cref="Permanent"/>: trying again cannot help (the receiver refused the request as
/// such). <see cref="RetryAfter"/>: how long the receiver asked to be left alone (its <c>Retry-After</c>), if it said.
/// <see cref="Kind"/>: what happened, one of <see cref="DeliveryErrorKinds"/>.
/// </summary>
public sealed class DeliveryFailedException(string message, bool permanent, Exception? inner = null, TimeSpan? retryAfter = null,
    string kind = DeliveryErrorKinds.Other)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>The wait the receiver asked for (429 or 503 with <c>Retry-After</c>), not yet capped; null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>What happened, in a fixed word (<see cref="DeliveryErrorKinds"/>) the admin screens translate.</summary>
    public string Kind { get; } = kind;
}
