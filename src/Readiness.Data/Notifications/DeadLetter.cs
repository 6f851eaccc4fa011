namespace Readiness.Data.Notifications;

/// <summary>A delivery given up after its last try, with the error of that try, for admins to read and requeue.</summary>
public sealed record DeadLetter
{
    public long Id { get; init; }

    public string Channel { get; init; } = "";

    /// <summary>The webhook's name or the e-mail address.</summary>
    public string Target { get; init; } = "";

    public string IdempotencyKey { get; init; } = "";

    public int Attempts { get; init; }

    /// <summary>The raw error of the last try (English, from .NET or the receiver), for the admin.</summary>
    public string? LastError { get; init; }

    /// <summary>What happened on the last try in a fixed word (<see cref="DeliveryErrorKinds"/>), for the screens to say in the user's language.</summary>
    public string? LastErrorKind { get; init; }

    public DateTime? LastAttemptAtUtc { get; init; }

    public string Kind { get; init; } = "";

    public string? ItemTitle { get; init; }

    public string UserName { get; init; } = "";
}
